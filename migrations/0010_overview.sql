CREATE TABLE `download_completions` (
	`tenant_id` text NOT NULL,
	`app` text NOT NULL,
	`download_id` text NOT NULL,
	`title` text,
	`completed_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `download_completions_unique` ON `download_completions` (`tenant_id`,`app`,`download_id`);--> statement-breakpoint
CREATE INDEX `download_completions_tenant_completed_idx` ON `download_completions` (`tenant_id`,`completed_at`);--> statement-breakpoint
CREATE TABLE `queue_samples` (
	`tenant_id` text NOT NULL,
	`at` integer NOT NULL,
	`speed_bytes_per_second` integer NOT NULL,
	`size_left_bytes` integer NOT NULL,
	`items` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `at`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `recovery_actions` ADD `detected_at` integer;