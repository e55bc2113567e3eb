CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"caption" text DEFAULT '' NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_item_completions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_item_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"event_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_item_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"kind" text NOT NULL,
	"recipient_staff_id" uuid NOT NULL,
	"outbox_id" uuid,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_transfers" ADD CONSTRAINT "calendar_transfers_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_transfers" ADD CONSTRAINT "calendar_transfers_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_item_completions" ADD CONSTRAINT "outreach_item_completions_plan_item_id_outreach_plan_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."outreach_plan_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_item_completions" ADD CONSTRAINT "outreach_item_completions_event_id_outreach_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."outreach_events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_item_completions" ADD CONSTRAINT "outreach_item_completions_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_reminders" ADD CONSTRAINT "outreach_reminders_plan_item_id_outreach_plan_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."outreach_plan_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_reminders" ADD CONSTRAINT "outreach_reminders_recipient_staff_id_staff_users_id_fk" FOREIGN KEY ("recipient_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_owner_idx" ON "attachments" USING btree ("owner_type","owner_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_transfers_region_date_idx" ON "calendar_transfers" USING btree (coalesce("region_id", '00000000-0000-0000-0000-000000000000'::uuid),"date");--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_item_completions_item_due_idx" ON "outreach_item_completions" USING btree ("plan_item_id","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_reminders_once_idx" ON "outreach_reminders" USING btree ("plan_item_id","due_on","kind","recipient_staff_id");--> statement-breakpoint
CREATE INDEX "outreach_reminders_recipient_idx" ON "outreach_reminders" USING btree ("recipient_staff_id","sent_at");--> statement-breakpoint
-- The federal transfers of days off 2016–2026 (src/modules/outreach/deadlines/transfers-data.ts), seeded once; editable afterwards at /outreach/calendar.
INSERT INTO "calendar_transfers" ("date", "kind", "note", "source") VALUES
('2016-02-20', 'working_day', 'рабочая суббота; выходной перенесён на понедельник 22 февраля', 'Постановление Правительства РФ от 24.09.2015 № 1017 «О переносе выходных дней в 2016 году»'),
('2016-02-22', 'day_off', 'с субботы 20 февраля', 'Постановление Правительства РФ от 24.09.2015 № 1017 «О переносе выходных дней в 2016 году»'),
('2016-03-07', 'day_off', 'с воскресенья 3 января', 'Постановление Правительства РФ от 24.09.2015 № 1017 «О переносе выходных дней в 2016 году»'),
('2016-05-02', 'day_off', 'за 1 мая (воскресенье)', 'Трудовой кодекс РФ, ст. 112 ч. 2 (выходной день, совпавший с праздничным, переносится на следующий рабочий день)'),
('2016-05-03', 'day_off', 'с субботы 2 января', 'Постановление Правительства РФ от 24.09.2015 № 1017 «О переносе выходных дней в 2016 году»'),
('2016-06-13', 'day_off', 'за 12 июня (воскресенье)', 'Трудовой кодекс РФ, ст. 112 ч. 2 (выходной день, совпавший с праздничным, переносится на следующий рабочий день)'),
('2017-02-24', 'day_off', 'с воскресенья 1 января', 'Постановление Правительства РФ от 04.08.2016 № 756 «О переносе выходных дней в 2017 году»'),
('2017-05-08', 'day_off', 'с субботы 7 января', 'Постановление Правительства РФ от 04.08.2016 № 756 «О переносе выходных дней в 2017 году»'),
('2017-11-06', 'day_off', 'за 4 ноября (суббота)', 'Трудовой кодекс РФ, ст. 112 ч. 2 (выходной день, совпавший с праздничным, переносится на следующий рабочий день)'),
('2018-03-09', 'day_off', 'с субботы 6 января', 'Постановление Правительства РФ от 14.10.2017 № 1250 «О переносе выходных дней в 2018 году»'),
('2018-04-28', 'working_day', 'рабочая суббота; выходной перенесён на понедельник 30 апреля', 'Постановление Правительства РФ от 14.10.2017 № 1250 «О переносе выходных дней в 2018 году»'),
('2018-04-30', 'day_off', 'с субботы 28 апреля', 'Постановление Правительства РФ от 14.10.2017 № 1250 «О переносе выходных дней в 2018 году»'),
('2018-05-02', 'day_off', 'с воскресенья 7 января', 'Постановление Правительства РФ от 14.10.2017 № 1250 «О переносе выходных дней в 2018 году»'),
('2018-06-09', 'working_day', 'рабочая суббота; выходной перенесён на понедельник 11 июня', 'Постановление Правительства РФ от 14.10.2017 № 1250 «О переносе выходных дней в 2018 году»'),
('2018-06-11', 'day_off', 'с субботы 9 июня', 'Постановление Правительства РФ от 14.10.2017 № 1250 «О переносе выходных дней в 2018 году»'),
('2018-11-05', 'day_off', 'за 4 ноября (воскресенье)', 'Трудовой кодекс РФ, ст. 112 ч. 2 (выходной день, совпавший с праздничным, переносится на следующий рабочий день)'),
('2018-12-29', 'working_day', 'рабочая суббота; выходной перенесён на понедельник 31 декабря', 'Постановление Правительства РФ от 14.10.2017 № 1250 «О переносе выходных дней в 2018 году»'),
('2018-12-31', 'day_off', 'с субботы 29 декабря', 'Постановление Правительства РФ от 14.10.2017 № 1250 «О переносе выходных дней в 2018 году»'),
('2019-05-02', 'day_off', 'с субботы 5 января', 'Постановление Правительства РФ от 01.10.2018 № 1163 «О переносе выходных дней в 2019 году»'),
('2019-05-03', 'day_off', 'с воскресенья 6 января', 'Постановление Правительства РФ от 01.10.2018 № 1163 «О переносе выходных дней в 2019 году»'),
('2019-05-10', 'day_off', 'с субботы 23 февраля (вместо понедельника 25 февраля)', 'Постановление Правительства РФ от 01.10.2018 № 1163 «О переносе выходных дней в 2019 году»'),
('2020-02-24', 'day_off', 'за 23 февраля (воскресенье)', 'Трудовой кодекс РФ, ст. 112 ч. 2 (выходной день, совпавший с праздничным, переносится на следующий рабочий день)'),
('2020-03-09', 'day_off', 'за 8 марта (воскресенье)', 'Трудовой кодекс РФ, ст. 112 ч. 2 (выходной день, совпавший с праздничным, переносится на следующий рабочий день)'),
('2020-05-04', 'day_off', 'с субботы 4 января', 'Постановление Правительства РФ от 10.07.2019 № 875 «О переносе выходных дней в 2020 году»'),
('2020-05-05', 'day_off', 'с воскресенья 5 января', 'Постановление Правительства РФ от 10.07.2019 № 875 «О переносе выходных дней в 2020 году»'),
('2020-05-11', 'day_off', 'за 9 мая (суббота)', 'Трудовой кодекс РФ, ст. 112 ч. 2 (выходной день, совпавший с праздничным, переносится на следующий рабочий день)'),
('2021-02-20', 'working_day', 'рабочая суббота; выходной перенесён на понедельник 22 февраля', 'Постановление Правительства РФ от 10.10.2020 № 1648 «О переносе выходных дней в 2021 году»'),
('2021-02-22', 'day_off', 'с субботы 20 февраля', 'Постановление Правительства РФ от 10.10.2020 № 1648 «О переносе выходных дней в 2021 году»'),
('2021-05-03', 'day_off', 'за 1 мая (суббота)', 'Трудовой кодекс РФ, ст. 112 ч. 2 (выходной день, совпавший с праздничным, переносится на следующий рабочий день)'),
('2021-05-10', 'day_off', 'за 9 мая (воскресенье)', 'Трудовой кодекс РФ, ст. 112 ч. 2 (выходной день, совпавший с праздничным, переносится на следующий рабочий день)'),
('2021-06-14', 'day_off', 'за 12 июня (суббота)', 'Трудовой кодекс РФ, ст. 112 ч. 2 (выходной день, совпавший с праздничным, переносится на следующий рабочий день)'),
('2021-11-05', 'day_off', 'с субботы 2 января', 'Постановление Правительства РФ от 10.10.2020 № 1648 «О переносе выходных дней в 2021 году»'),
('2021-12-31', 'day_off', 'с воскресенья 3 января', 'Постановление Правительства РФ от 10.10.2020 № 1648 «О переносе выходных дней в 2021 году»'),
('2022-03-05', 'working_day', 'рабочая суббота; выходной перенесён на понедельник 7 марта', 'Постановление Правительства РФ от 16.09.2021 № 1564 «О переносе выходных дней в 2022 году»'),
('2022-03-07', 'day_off', 'с субботы 5 марта', 'Постановление Правительства РФ от 16.09.2021 № 1564 «О переносе выходных дней в 2022 году»'),
('2022-05-02', 'day_off', 'за 1 мая (воскресенье)', 'Трудовой кодекс РФ, ст. 112 ч. 2 (выходной день, совпавший с праздничным, переносится на следующий рабочий день)'),
('2022-05-03', 'day_off', 'с субботы 1 января', 'Постановление Правительства РФ от 16.09.2021 № 1564 «О переносе выходных дней в 2022 году»'),
('2022-05-10', 'day_off', 'с воскресенья 2 января', 'Постановление Правительства РФ от 16.09.2021 № 1564 «О переносе выходных дней в 2022 году»'),
('2022-06-13', 'day_off', 'за 12 июня (воскресенье)', 'Трудовой кодекс РФ, ст. 112 ч. 2 (выходной день, совпавший с праздничным, переносится на следующий рабочий день)'),
('2023-02-24', 'day_off', 'с воскресенья 1 января', 'Постановление Правительства РФ от 29.08.2022 № 1505 «О переносе выходных дней в 2023 году»'),
('2023-05-08', 'day_off', 'с воскресенья 8 января', 'Постановление Правительства РФ от 29.08.2022 № 1505 «О переносе выходных дней в 2023 году»'),
('2023-11-06', 'day_off', 'за 4 ноября (суббота)', 'Трудовой кодекс РФ, ст. 112 ч. 2 (выходной день, совпавший с праздничным, переносится на следующий рабочий день)'),
('2024-04-27', 'working_day', 'рабочая суббота; выходной перенесён на понедельник 29 апреля', 'Постановление Правительства РФ от 10.08.2023 № 1314 «О переносе выходных дней в 2024 году»'),
('2024-04-29', 'day_off', 'с субботы 27 апреля', 'Постановление Правительства РФ от 10.08.2023 № 1314 «О переносе выходных дней в 2024 году»'),
('2024-04-30', 'day_off', 'с субботы 2 ноября', 'Постановление Правительства РФ от 10.08.2023 № 1314 «О переносе выходных дней в 2024 году»'),
('2024-05-10', 'day_off', 'с субботы 6 января', 'Постановление Правительства РФ от 10.08.2023 № 1314 «О переносе выходных дней в 2024 году»'),
('2024-11-02', 'working_day', 'рабочая суббота; выходной перенесён на вторник 30 апреля', 'Постановление Правительства РФ от 10.08.2023 № 1314 «О переносе выходных дней в 2024 году»'),
('2024-12-28', 'working_day', 'рабочая суббота; выходной перенесён на понедельник 30 декабря', 'Постановление Правительства РФ от 10.08.2023 № 1314 «О переносе выходных дней в 2024 году»'),
('2024-12-30', 'day_off', 'с субботы 28 декабря', 'Постановление Правительства РФ от 10.08.2023 № 1314 «О переносе выходных дней в 2024 году»'),
('2024-12-31', 'day_off', 'с воскресенья 7 января', 'Постановление Правительства РФ от 10.08.2023 № 1314 «О переносе выходных дней в 2024 году»'),
('2025-05-02', 'day_off', 'с субботы 4 января', 'Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»'),
('2025-05-08', 'day_off', 'с воскресенья 23 февраля (вместо понедельника 24 февраля)', 'Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»'),
('2025-06-13', 'day_off', 'с субботы 8 марта (вместо понедельника 10 марта)', 'Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»'),
('2025-11-01', 'working_day', 'рабочая суббота; выходной перенесён на понедельник 3 ноября', 'Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»'),
('2025-11-03', 'day_off', 'с субботы 1 ноября', 'Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»'),
('2025-12-31', 'day_off', 'с воскресенья 5 января', 'Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»'),
('2026-01-09', 'day_off', 'с субботы 3 января', 'Постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году»'),
('2026-03-09', 'day_off', 'за 8 марта (воскресенье)', 'Трудовой кодекс РФ, ст. 112 ч. 2 (выходной день, совпавший с праздничным, переносится на следующий рабочий день)'),
('2026-05-11', 'day_off', 'за 9 мая (суббота)', 'Трудовой кодекс РФ, ст. 112 ч. 2 (выходной день, совпавший с праздничным, переносится на следующий рабочий день)'),
('2026-12-31', 'day_off', 'с воскресенья 4 января', 'Постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году»');
