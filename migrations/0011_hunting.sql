CREATE TABLE `hunt_log` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`app` text NOT NULL,
	`run_id` text NOT NULL,
	`item_id` integer NOT NULL,
	`list` text NOT NULL,
	`label` text NOT NULL,
	`dry_run` integer NOT NULL,
	`searched_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_id`) REFERENCES `hunt_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `hunt_log_tenant_app_searched_idx` ON `hunt_log` (`tenant_id`,`app`,"searched_at" desc);--> statement-breakpoint
CREATE TABLE `hunt_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`app` text NOT NULL,
	`at` integer NOT NULL,
	`status` text NOT NULL,
	`dry_run` integer NOT NULL,
	`wanted` integer NOT NULL,
	`searched` integer NOT NULL,
	`message` text NOT NULL,
	`round_trips` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `hunt_runs_tenant_at_idx` ON `hunt_runs` (`tenant_id`,"at" desc);--> statement-breakpoint
CREATE TABLE `hunting_settings` (
	`tenant_id` text NOT NULL,
	`app` text NOT NULL,
	`enabled` integer NOT NULL,
	`paused` integer NOT NULL,
	`dry_run` integer NOT NULL,
	`per_hour` integer NOT NULL,
	`lists` text NOT NULL,
	`skip_searched_within_hours` integer NOT NULL,
	`next_run_at` integer,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `app`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `hunting_settings_due_idx` ON `hunting_settings` (`enabled`,`next_run_at`);