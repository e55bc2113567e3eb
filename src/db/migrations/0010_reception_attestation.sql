CREATE TABLE "reception_attestation_results" (
	"attestation_id" uuid NOT NULL,
	"staff_user_id" uuid NOT NULL,
	"started_at" timestamp with time zone,
	"deadline_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"questions" jsonb,
	"answers" jsonb,
	"score" integer,
	"total" integer,
	"expired" boolean DEFAULT false NOT NULL,
	CONSTRAINT "reception_attestation_results_attestation_id_staff_user_id_pk" PRIMARY KEY("attestation_id","staff_user_id")
);
--> statement-breakpoint
CREATE TABLE "reception_attestations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"municipality_id" uuid,
	"title" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"minutes" integer NOT NULL,
	"question_count" integer NOT NULL,
	"pass_percent" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reception_reading_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"municipality_id" uuid,
	"materials" text NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"read_by" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reception_reading_receipts" (
	"notice_id" uuid NOT NULL,
	"staff_user_id" uuid NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "reception_reading_receipts_notice_id_staff_user_id_pk" PRIMARY KEY("notice_id","staff_user_id")
);
--> statement-breakpoint
ALTER TABLE "reception_attestation_results" ADD CONSTRAINT "reception_attestation_results_attestation_id_reception_attestations_id_fk" FOREIGN KEY ("attestation_id") REFERENCES "public"."reception_attestations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_attestation_results" ADD CONSTRAINT "reception_attestation_results_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_attestations" ADD CONSTRAINT "reception_attestations_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_attestations" ADD CONSTRAINT "reception_attestations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_attestations" ADD CONSTRAINT "reception_attestations_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_reading_notices" ADD CONSTRAINT "reception_reading_notices_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_reading_notices" ADD CONSTRAINT "reception_reading_notices_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_reading_notices" ADD CONSTRAINT "reception_reading_notices_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_reading_receipts" ADD CONSTRAINT "reception_reading_receipts_notice_id_reception_reading_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."reception_reading_notices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_reading_receipts" ADD CONSTRAINT "reception_reading_receipts_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reception_attestation_results_staff_idx" ON "reception_attestation_results" USING btree ("staff_user_id");--> statement-breakpoint
CREATE INDEX "reception_attestations_region_idx" ON "reception_attestations" USING btree ("region_id","opens_on");--> statement-breakpoint
CREATE INDEX "reception_reading_notices_region_idx" ON "reception_reading_notices" USING btree ("region_id","created_at");--> statement-breakpoint
CREATE INDEX "reception_reading_receipts_staff_idx" ON "reception_reading_receipts" USING btree ("staff_user_id");