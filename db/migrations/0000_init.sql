CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"scope" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "api_tokens_name_unique" UNIQUE("name"),
	CONSTRAINT "api_tokens_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "components" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"display_name" text NOT NULL,
	"labels" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "impact_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"display_name" text NOT NULL,
	"description" text
);
--> statement-breakpoint
CREATE TABLE "impacts" (
	"incident_id" uuid NOT NULL,
	"component_id" uuid NOT NULL,
	"impact_type_id" uuid NOT NULL,
	"severity" integer NOT NULL,
	CONSTRAINT "impacts_incident_id_component_id_impact_type_id_pk" PRIMARY KEY("incident_id","component_id","impact_type_id"),
	CONSTRAINT "impact_severity_range" CHECK ("impacts"."severity" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "incident_updates" (
	"incident_id" uuid NOT NULL,
	"order" integer NOT NULL,
	"display_name" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_updates_incident_id_order_pk" PRIMARY KEY("incident_id","order")
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"display_name" text NOT NULL,
	"description" text,
	"began_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"phase_generation" integer,
	"phase_order" integer,
	"next_update_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "incident_time_span" CHECK ("incidents"."ended_at" is null or "incidents"."ended_at" >= "incidents"."began_at")
);
--> statement-breakpoint
CREATE TABLE "phase_lists" (
	"generation" integer PRIMARY KEY NOT NULL,
	"phases" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "severities" (
	"display_name" text PRIMARY KEY NOT NULL,
	"value" integer NOT NULL,
	CONSTRAINT "severities_value_unique" UNIQUE("value"),
	CONSTRAINT "severity_value_range" CHECK ("severities"."value" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "impacts" ADD CONSTRAINT "impacts_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impacts" ADD CONSTRAINT "impacts_component_id_components_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."components"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impacts" ADD CONSTRAINT "impacts_impact_type_fk" FOREIGN KEY ("impact_type_id") REFERENCES "public"."impact_types"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_updates" ADD CONSTRAINT "incident_updates_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_phase_generation_phase_lists_generation_fk" FOREIGN KEY ("phase_generation") REFERENCES "public"."phase_lists"("generation") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "impacts_component" ON "impacts" USING btree ("component_id");--> statement-breakpoint
CREATE INDEX "impacts_impact_type" ON "impacts" USING btree ("impact_type_id");--> statement-breakpoint
CREATE INDEX "incidents_time_span" ON "incidents" USING btree ("began_at","ended_at");