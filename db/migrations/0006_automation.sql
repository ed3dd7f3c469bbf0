CREATE TABLE "alert_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"matchers" jsonb NOT NULL,
	"component_id" uuid NOT NULL,
	"impact_type_id" uuid NOT NULL,
	"severity" integer NOT NULL,
	"severity_by_label" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_rule_severity_range" CHECK ("alert_rules"."severity" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "automated_incidents" (
	"incident_id" uuid PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"key" text NOT NULL,
	"taken_over" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "beacons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"component_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token" text NOT NULL,
	"interval_seconds" integer NOT NULL,
	"grace_seconds" integer NOT NULL,
	"impact_type_id" uuid NOT NULL,
	"severity" integer NOT NULL,
	"last_beat_at" timestamp with time zone,
	"last_status" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "beacons_token_unique" UNIQUE("token"),
	CONSTRAINT "beacon_severity_range" CHECK ("beacons"."severity" between 1 and 100)
);
--> statement-breakpoint
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_component_id_components_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."components"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_impact_type_fk" FOREIGN KEY ("impact_type_id") REFERENCES "public"."impact_types"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automated_incidents" ADD CONSTRAINT "automated_incidents_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beacons" ADD CONSTRAINT "beacons_component_id_components_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."components"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beacons" ADD CONSTRAINT "beacons_impact_type_fk" FOREIGN KEY ("impact_type_id") REFERENCES "public"."impact_types"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "automated_incidents_key" ON "automated_incidents" USING btree ("source","key");