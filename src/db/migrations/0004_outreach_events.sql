CREATE TABLE "outreach_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"plan_id" uuid,
	"plan_item_id" uuid,
	"activity_type_id" uuid,
	"title" text NOT NULL,
	"format" text NOT NULL,
	"format_other" text,
	"held_on" date NOT NULL,
	"place" text NOT NULL,
	"organisation_id" uuid,
	"audience" text DEFAULT '' NOT NULL,
	"people_reached" integer,
	"code" text NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outreach_events" ADD CONSTRAINT "outreach_events_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_events" ADD CONSTRAINT "outreach_events_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_events" ADD CONSTRAINT "outreach_events_plan_id_outreach_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."outreach_plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_events" ADD CONSTRAINT "outreach_events_plan_item_id_outreach_plan_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."outreach_plan_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_events" ADD CONSTRAINT "outreach_events_activity_type_id_activity_types_id_fk" FOREIGN KEY ("activity_type_id") REFERENCES "public"."activity_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_events" ADD CONSTRAINT "outreach_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_events" ADD CONSTRAINT "outreach_events_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_events_code_idx" ON "outreach_events" USING btree ("code");--> statement-breakpoint
CREATE INDEX "outreach_events_municipality_idx" ON "outreach_events" USING btree ("municipality_id","held_on");--> statement-breakpoint
CREATE INDEX "outreach_events_region_idx" ON "outreach_events" USING btree ("region_id","held_on");