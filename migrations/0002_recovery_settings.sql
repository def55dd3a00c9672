CREATE TABLE `tenant_settings` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`recovery` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `recovery_actions` ADD `decided_by` text DEFAULT 'rules' NOT NULL;--> statement-breakpoint
ALTER TABLE `recovery_actions` ADD `detail` text;--> statement-breakpoint
ALTER TABLE `recovery_actions` ADD `updated_at` integer;