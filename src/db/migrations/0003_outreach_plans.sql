CREATE TABLE "activity_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"block" integer NOT NULL,
	"description" text NOT NULL,
	"audience" text NOT NULL,
	"cadence" text NOT NULL,
	"region_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"section_number" text NOT NULL,
	"section_title" text NOT NULL,
	"item_number" text NOT NULL,
	"sort_order" integer NOT NULL,
	"content" text NOT NULL,
	"executors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deadline_text" text NOT NULL,
	"deadline" jsonb,
	"expected_result" text DEFAULT '' NOT NULL,
	"indicator_node_id" text,
	"budget_rub" numeric(14, 2),
	"activity_type_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"decree_number" text NOT NULL,
	"decree_date" date NOT NULL,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" uuid
);
--> statement-breakpoint
CREATE TABLE "outreach_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"municipality_id" uuid,
	"title" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"decree_number" text,
	"decree_date" date,
	"current_version" integer DEFAULT 0 NOT NULL,
	"source" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activity_types" ADD CONSTRAINT "activity_types_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_plan_items" ADD CONSTRAINT "outreach_plan_items_plan_id_outreach_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."outreach_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_plan_items" ADD CONSTRAINT "outreach_plan_items_activity_type_id_activity_types_id_fk" FOREIGN KEY ("activity_type_id") REFERENCES "public"."activity_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_plan_versions" ADD CONSTRAINT "outreach_plan_versions_plan_id_outreach_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."outreach_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_plan_versions" ADD CONSTRAINT "outreach_plan_versions_approved_by_staff_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_plans" ADD CONSTRAINT "outreach_plans_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_plans" ADD CONSTRAINT "outreach_plans_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_plans" ADD CONSTRAINT "outreach_plans_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "activity_types_key_region_idx" ON "activity_types" USING btree ("key",coalesce("region_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "outreach_plan_items_plan_idx" ON "outreach_plan_items" USING btree ("plan_id","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_plan_versions_plan_version_idx" ON "outreach_plan_versions" USING btree ("plan_id","version");--> statement-breakpoint
CREATE INDEX "outreach_plans_region_idx" ON "outreach_plans" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "outreach_plans_municipality_idx" ON "outreach_plans" USING btree ("municipality_id");