CREATE TABLE "reception_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"question" text NOT NULL,
	"options" jsonb NOT NULL,
	"correct" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reception_settings" (
	"region_id" uuid PRIMARY KEY NOT NULL,
	"age_threshold" integer DEFAULT 55 NOT NULL,
	"key_services" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reception_staff_profiles" (
	"staff_user_id" uuid PRIMARY KEY NOT NULL,
	"registers_in_esia" boolean DEFAULT false NOT NULL,
	"receives_documents" boolean DEFAULT false NOT NULL,
	"registered_on_portal" boolean,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reception_test_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_user_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"questions" jsonb NOT NULL,
	"answers" jsonb,
	"score" integer,
	"total" integer NOT NULL,
	"expired" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reception_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"municipality_id" uuid,
	"organisation_id" uuid NOT NULL,
	"service_centre_id" uuid,
	"staff_user_id" uuid NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"status" text DEFAULT 'open' NOT NULL,
	"age_threshold" integer NOT NULL,
	"register_via" text,
	"confirm_via" text,
	"path" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"outcome" text NOT NULL,
	"citizen_id" uuid
);
--> statement-breakpoint
ALTER TABLE "reception_questions" ADD CONSTRAINT "reception_questions_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_questions" ADD CONSTRAINT "reception_questions_updated_by_staff_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_settings" ADD CONSTRAINT "reception_settings_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_settings" ADD CONSTRAINT "reception_settings_updated_by_staff_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_staff_profiles" ADD CONSTRAINT "reception_staff_profiles_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_staff_profiles" ADD CONSTRAINT "reception_staff_profiles_updated_by_staff_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_test_attempts" ADD CONSTRAINT "reception_test_attempts_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_test_attempts" ADD CONSTRAINT "reception_test_attempts_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_visits" ADD CONSTRAINT "reception_visits_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_visits" ADD CONSTRAINT "reception_visits_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_visits" ADD CONSTRAINT "reception_visits_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_visits" ADD CONSTRAINT "reception_visits_service_centre_id_service_centres_id_fk" FOREIGN KEY ("service_centre_id") REFERENCES "public"."service_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_visits" ADD CONSTRAINT "reception_visits_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reception_questions_region_idx" ON "reception_questions" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "reception_test_attempts_staff_idx" ON "reception_test_attempts" USING btree ("staff_user_id","started_at");--> statement-breakpoint
CREATE INDEX "reception_visits_region_idx" ON "reception_visits" USING btree ("region_id","started_at");--> statement-breakpoint
CREATE INDEX "reception_visits_staff_idx" ON "reception_visits" USING btree ("staff_user_id","started_at");--> statement-breakpoint
CREATE INDEX "reception_visits_organisation_idx" ON "reception_visits" USING btree ("organisation_id","started_at");