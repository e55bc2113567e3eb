CREATE TABLE "centre_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_centre_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"requirement" text NOT NULL,
	"met" boolean NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"checked_by" uuid,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "municipality_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"registered_target" integer NOT NULL,
	"confirmed_target" integer NOT NULL,
	"set_by" uuid,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quarter_submission_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"action" text NOT NULL,
	"comment" text,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quarter_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"report" jsonb,
	"report_edited_by" uuid,
	"report_edited_at" timestamp with time zone,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"return_comment" text,
	"snapshot" jsonb,
	"model_key" text,
	"model_version" integer,
	"revision" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "score_inputs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"node_id" text NOT NULL,
	"input_name" text NOT NULL,
	"value" numeric NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"entered_by" uuid,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scoring_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"model_key" text NOT NULL,
	"region_id" uuid,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"nodes" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"change_note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "centre_checks" ADD CONSTRAINT "centre_checks_service_centre_id_service_centres_id_fk" FOREIGN KEY ("service_centre_id") REFERENCES "public"."service_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centre_checks" ADD CONSTRAINT "centre_checks_checked_by_staff_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipality_targets" ADD CONSTRAINT "municipality_targets_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipality_targets" ADD CONSTRAINT "municipality_targets_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipality_targets" ADD CONSTRAINT "municipality_targets_set_by_staff_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarter_submission_events" ADD CONSTRAINT "quarter_submission_events_submission_id_quarter_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."quarter_submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarter_submission_events" ADD CONSTRAINT "quarter_submission_events_actor_id_staff_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarter_submissions" ADD CONSTRAINT "quarter_submissions_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarter_submissions" ADD CONSTRAINT "quarter_submissions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarter_submissions" ADD CONSTRAINT "quarter_submissions_report_edited_by_staff_users_id_fk" FOREIGN KEY ("report_edited_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarter_submissions" ADD CONSTRAINT "quarter_submissions_submitted_by_staff_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarter_submissions" ADD CONSTRAINT "quarter_submissions_decided_by_staff_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_inputs" ADD CONSTRAINT "score_inputs_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_inputs" ADD CONSTRAINT "score_inputs_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_inputs" ADD CONSTRAINT "score_inputs_entered_by_staff_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_models" ADD CONSTRAINT "scoring_models_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_models" ADD CONSTRAINT "scoring_models_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "centre_checks_uq" ON "centre_checks" USING btree ("service_centre_id","year","quarter","requirement");--> statement-breakpoint
CREATE UNIQUE INDEX "municipality_targets_uq" ON "municipality_targets" USING btree ("municipality_id","year","quarter");--> statement-breakpoint
CREATE INDEX "quarter_submission_events_idx" ON "quarter_submission_events" USING btree ("submission_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "quarter_submissions_uq" ON "quarter_submissions" USING btree ("municipality_id","year","quarter");--> statement-breakpoint
CREATE INDEX "quarter_submissions_region_idx" ON "quarter_submissions" USING btree ("region_id","year","quarter");--> statement-breakpoint
CREATE UNIQUE INDEX "score_inputs_uq" ON "score_inputs" USING btree ("municipality_id","year","quarter","node_id","input_name");--> statement-breakpoint
CREATE UNIQUE INDEX "scoring_models_key_version_uq" ON "scoring_models" USING btree ("model_key","version");--> statement-breakpoint
CREATE INDEX "citizens_municipality_activated_idx" ON "citizens" USING btree ("municipality_id","activated_at");--> statement-breakpoint
CREATE INDEX "citizens_municipality_confirmed_idx" ON "citizens" USING btree ("municipality_id","confirmed_at");--> statement-breakpoint
-- The seed-002 model shipped with the software (src/modules/scoring/models/kalga-2018.ts), version 1, for every region.
INSERT INTO "scoring_models" ("model_key", "region_id", "version", "title", "nodes", "status", "change_note", "published_at")
VALUES ('kalga-2018', NULL, 1, 'Оценка работы по переводу услуг в электронный вид, Калганский район, 2018', $model$[{"max":100,"missing":"propagate","thresholds":{"red":50,"yellow":80},"id":"P","title":"Итоговая оценка","formula":"(P1 + P2 + P3) / 3"},{"max":100,"missing":"propagate","thresholds":{"red":50,"yellow":80},"id":"P1","title":"Организация регистрации граждан в ЕСИА","formula":"(P1.1 + P1.2 + P1.3) / 3"},{"max":100,"missing":"propagate","thresholds":{"red":50,"yellow":80},"id":"P1.1","title":"Регистрация в ЕСИА муниципальных служащих и работников подведомственных учреждений","formula":"(P1.1.1 + P1.1.2) / 2"},{"max":100,"missing":"propagate","thresholds":{"red":50,"yellow":80},"id":"P1.1.1","title":"Муниципальные служащие, зарегистрированные в ЕСИА","formula":"A / B * 100","inputs":[{"name":"A","kind":"number","meaning":"муниципальные служащие, зарегистрированные в ЕСИА","min":0},{"name":"B","kind":"number","meaning":"все муниципальные служащие","min":0}]},{"max":100,"missing":"propagate","thresholds":{"red":50,"yellow":80},"id":"P1.1.2","title":"Работники подведомственных учреждений, зарегистрированные в ЕСИА","formula":"A / B * 100","inputs":[{"name":"A","kind":"number","meaning":"работники подведомственных учреждений (предприятий), зарегистрированные в ЕСИА","min":0},{"name":"B","kind":"number","meaning":"все работники подведомственных учреждений (предприятий)","min":0}]},{"max":100,"missing":"propagate","thresholds":{"red":50,"yellow":80},"id":"P1.2","title":"Оформление рабочего места сотрудника Центра обслуживания","formula":"n * 0.25 * 100","inputs":[{"name":"n","kind":"count","meaning":"выполнено требований к Центру обслуживания","of":4,"items":["у сотрудника Центра обслуживания есть бейдж","график работы опубликован на сайте администрации","у входа размещена вывеска","на стендах — актуальные материалы Репозитория"]}]},{"max":100,"missing":"propagate","thresholds":{"red":50,"yellow":80},"id":"P1.3","title":"Ежеквартальный прирост зарегистрированных в ЕСИА граждан","formula":"A / C * 100","inputs":[{"name":"A","kind":"number","meaning":"фактический прирост зарегистрированных в ЕСИА граждан за квартал","min":0},{"name":"C","kind":"number","meaning":"граждане, чьи учётные записи нужно подтвердить (цель по рейтингу)","min":0}]},{"max":100,"missing":"propagate","thresholds":{"red":50,"yellow":80},"id":"P2","title":"Информирование населения о получении услуг в электронном виде","formula":"(P2.1 + P2.2 + P2.3 + P2.4 + P2.5 + P2.6 + P2.7 + P2.8) / 7"},{"max":100,"missing":"propagate","thresholds":{"red":50,"yellow":80},"id":"P2.1","title":"Проинформированные заявители, обратившиеся лично","formula":"A / B * 100","inputs":[{"name":"A","kind":"number","meaning":"проинформированные заявители","min":0},{"name":"B","kind":"number","meaning":"все заявители, обратившиеся за услугами лично","min":0}]},{"max":100,"missing":"propagate","thresholds":{"red":50,"yellow":80},"id":"P2.2","title":"Информация на стендах","formula":"n * 100","inputs":[{"name":"n","kind":"choice","meaning":"информация на стендах","levels":[{"value":0,"label":"не размещена"},{"value":0.5,"label":"размещена, не обновляется"},{"value":1,"label":"размещена и обновляется"}]}]},{"max":100,"missing":"propagate","thresholds":{"red":50,"yellow":80},"id":"P2.3","title":"Раздел на официальном сайте, статьи и новости","formula":"(n + m) * 100","inputs":[{"name":"n","kind":"choice","meaning":"тематический раздел на сайте","levels":[{"value":0,"label":"нет"},{"value":0.25,"label":"есть, не обновляется"},{"value":0.5,"label":"обновляется не реже раза в квартал"}]},{"name":"m","kind":"choice","meaning":"статьи и новости","levels":[{"value":0,"label":"нет"},{"value":0.25,"label":"есть, не обновляются"},{"value":0.5,"label":"обновляются не реже раза в месяц"}]}]},{"max":50,"missing":"propagate","thresholds":{"red":50,"yellow":80},"id":"P2.4","title":"Баннер-ссылка на ЕПГУ на официальных сайтах","formula":"n * 100","inputs":[{"name":"n","kind":"choice","meaning":"баннер-ссылка на ЕПГУ","levels":[{"value":0,"label":"не размещена"},{"value":0.5,"label":"размещена"}]}]},{"max":100,"missing":"propagate","thresholds":{"red":50,"yellow":80},"id":"P2.5","title":"Информирование в социальных сетях","formula":"n * 100","inputs":[{"name":"n","kind":"choice","meaning":"официальные группы в социальных сетях","levels":[{"value":0,"label":"не ведётся"},{"value":0.5,"label":"ведётся, но не обновляется"},{"value":1,"label":"обновляется не реже раза в квартал"}]}]},{"max":100,"missing":"propagate","thresholds":{"red":50,"yellow":80},"id":"P2.6","title":"Беседы и семинары в учреждениях культуры","formula":"n * 100","inputs":[{"name":"n","kind":"choice","meaning":"информационные беседы и обучающие семинары","levels":[{"value":0,"label":"не проводятся"},{"value":0.5,"label":"проводятся реже 1–2 раз в квартал"},{"value":1,"label":"проводятся чаще 1–2 раз в квартал"}]}]},{"max":50,"missing":"propagate","thresholds":{"red":50,"yellow":80},"id":"P2.7","title":"Распространение печатных материалов","formula":"n * 100","inputs":[{"name":"n","kind":"choice","meaning":"печатные материалы","levels":[{"value":0,"label":"не распространяются"},{"value":0.5,"label":"распространяются"}]}]},{"max":100,"missing":"propagate","thresholds":{"red":50,"yellow":80},"id":"P2.8","title":"Популяризация электронных услуг на массовых мероприятиях","formula":"n * 100","inputs":[{"name":"n","kind":"choice","meaning":"популяризация на массовых мероприятиях","levels":[{"value":0,"label":"не проводится"},{"value":1,"label":"проводится"}]}]},{"max":100,"missing":"propagate","thresholds":{"red":50,"yellow":80},"id":"P3","title":"Просвещение и обучение","formula":"(P3.1 + P3.2 + P3.3) / 3"},{"max":100,"missing":"propagate","thresholds":{"red":50,"yellow":80},"id":"P3.1","title":"Семинары и родительские собрания в школах и детских садах","formula":"n * 100","inputs":[{"name":"n","kind":"choice","meaning":"семинары и родительские собрания","levels":[{"value":0,"label":"не проводятся"},{"value":1,"label":"проводятся не реже 1–2 раз в квартал"}]}]},{"max":100,"missing":"propagate","thresholds":{"red":50,"yellow":80},"id":"P3.2","title":"Печатные материалы на стендах в школах и детских садах","formula":"n * 100","inputs":[{"name":"n","kind":"choice","meaning":"печатные материалы на стендах","levels":[{"value":0,"label":"не размещены"},{"value":0.5,"label":"размещены, не обновляются"},{"value":1,"label":"размещены и обновляются"}]}]},{"max":100,"missing":"propagate","thresholds":{"red":50,"yellow":80},"id":"P3.3","title":"Программы и курсы в образовательных программах","formula":"n * 100","inputs":[{"name":"n","kind":"choice","meaning":"программы и курсы об электронных услугах","levels":[{"value":0,"label":"не включены"},{"value":1,"label":"включены"}]}]}]$model$::jsonb, 'published', 'Модель из постановления Калганского района 2018 года (seed 002)', now())
ON CONFLICT DO NOTHING;