CREATE TABLE "citizen_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"citizen_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value_enc" text NOT NULL,
	"value_index" text NOT NULL,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizen_personal_data" (
	"citizen_id" uuid PRIMARY KEY NOT NULL,
	"data_enc" text NOT NULL,
	"snils_enc" text NOT NULL,
	"snils_index" text NOT NULL,
	"passport_index" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizen_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"citizen_id" uuid NOT NULL,
	"ref_kind" text NOT NULL,
	"ref_id" text NOT NULL,
	"comment" text,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by_staff_id" uuid
);
--> statement-breakpoint
CREATE TABLE "citizen_sign_ins" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "citizen_sign_ins_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"citizen_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"success" boolean NOT NULL,
	"method" text NOT NULL,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "citizens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"level" text DEFAULT 'simplified' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"last_name_enc" text,
	"first_name_enc" text,
	"middle_name_enc" text,
	"name_birth_index" text,
	"password_hash" text,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"municipality_id" uuid,
	"registered_at_centre_id" uuid,
	"registered_by_staff_id" uuid,
	"event_code" text,
	"standard_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"confirmed_at_centre_id" uuid,
	"confirmed_by_staff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activated_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"deletion_reason" text
);
--> statement-breakpoint
CREATE TABLE "notifications_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"recipient_enc" text NOT NULL,
	"recipient_masked" text NOT NULL,
	"template" text NOT NULL,
	"subject" text,
	"body_enc" text,
	"citizen_id" uuid,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"provider_message_id" text,
	"last_error" text,
	"meta" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "otp_challenges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purpose" text NOT NULL,
	"citizen_id" uuid NOT NULL,
	"contact_id" uuid,
	"channel" text NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"consumed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"citizen_id" uuid NOT NULL,
	"registry" text NOT NULL,
	"data_version" integer NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"result_code" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "citizen_id" uuid;--> statement-breakpoint
ALTER TABLE "citizen_contacts" ADD CONSTRAINT "citizen_contacts_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_personal_data" ADD CONSTRAINT "citizen_personal_data_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_reports" ADD CONSTRAINT "citizen_reports_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_reports" ADD CONSTRAINT "citizen_reports_resolved_by_staff_id_staff_users_id_fk" FOREIGN KEY ("resolved_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_sign_ins" ADD CONSTRAINT "citizen_sign_ins_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizens" ADD CONSTRAINT "citizens_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizens" ADD CONSTRAINT "citizens_registered_at_centre_id_service_centres_id_fk" FOREIGN KEY ("registered_at_centre_id") REFERENCES "public"."service_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizens" ADD CONSTRAINT "citizens_registered_by_staff_id_staff_users_id_fk" FOREIGN KEY ("registered_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizens" ADD CONSTRAINT "citizens_confirmed_at_centre_id_service_centres_id_fk" FOREIGN KEY ("confirmed_at_centre_id") REFERENCES "public"."service_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizens" ADD CONSTRAINT "citizens_confirmed_by_staff_id_staff_users_id_fk" FOREIGN KEY ("confirmed_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications_outbox" ADD CONSTRAINT "notifications_outbox_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "otp_challenges" ADD CONSTRAINT "otp_challenges_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "otp_challenges" ADD CONSTRAINT "otp_challenges_contact_id_citizen_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."citizen_contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_checks" ADD CONSTRAINT "registry_checks_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_contacts_verified_unique" ON "citizen_contacts" USING btree ("kind","value_index") WHERE verified_at is not null;--> statement-breakpoint
CREATE INDEX "citizen_contacts_citizen_idx" ON "citizen_contacts" USING btree ("citizen_id");--> statement-breakpoint
CREATE INDEX "citizen_contacts_value_idx" ON "citizen_contacts" USING btree ("kind","value_index");--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_personal_data_snils_unique" ON "citizen_personal_data" USING btree ("snils_index");--> statement-breakpoint
CREATE INDEX "citizen_personal_data_passport_idx" ON "citizen_personal_data" USING btree ("passport_index");--> statement-breakpoint
CREATE INDEX "citizen_sign_ins_citizen_idx" ON "citizen_sign_ins" USING btree ("citizen_id","at");--> statement-breakpoint
CREATE INDEX "citizens_name_birth_idx" ON "citizens" USING btree ("name_birth_index");--> statement-breakpoint
CREATE INDEX "citizens_municipality_idx" ON "citizens" USING btree ("municipality_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_outbox_status_idx" ON "notifications_outbox" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "otp_challenges_citizen_idx" ON "otp_challenges" USING btree ("citizen_id","purpose");--> statement-breakpoint
CREATE INDEX "registry_checks_citizen_idx" ON "registry_checks" USING btree ("citizen_id","data_version");--> statement-breakpoint
CREATE INDEX "sessions_citizen_idx" ON "sessions" USING btree ("citizen_id");