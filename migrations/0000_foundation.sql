CREATE TABLE `activity_log` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`timestamp` integer NOT NULL,
	`app` text,
	`kind` text NOT NULL,
	`level` text NOT NULL,
	`message` text NOT NULL,
	`data` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `activity_log_timestamp_idx` ON `activity_log` ("timestamp" desc);--> statement-breakpoint
CREATE INDEX `activity_log_tenant_timestamp_idx` ON `activity_log` (`tenant_id`,"timestamp" desc);--> statement-breakpoint
CREATE TABLE `audit_results` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`audit_id` text NOT NULL,
	`app_name` text NOT NULL,
	`status` text NOT NULL,
	`error` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`audit_id`) REFERENCES `audits`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `audit_results_app_created_idx` ON `audit_results` (`app_name`,"created_at" desc);--> statement-breakpoint
CREATE INDEX `audit_results_audit_idx` ON `audit_results` (`audit_id`);--> statement-breakpoint
CREATE TABLE `audits` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`user_id` text,
	`path` text NOT NULL,
	`apps` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `audits_tenant_created_idx` ON `audits` (`tenant_id`,"created_at" desc);--> statement-breakpoint
CREATE TABLE `best_practices` (
	`id` text PRIMARY KEY NOT NULL,
	`app` text NOT NULL,
	`title` text NOT NULL,
	`definition` text NOT NULL,
	`priority` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `best_practices_app_idx` ON `best_practices` (`app`);--> statement-breakpoint
CREATE TABLE `config_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`user_id` text,
	`recommendation_id` text,
	`app_name` text NOT NULL,
	`setting` text NOT NULL,
	`before` text,
	`after` text,
	`created_at` integer NOT NULL,
	`rolled_back_at` integer,
	`rollback_of` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `config_changes_tenant_created_idx` ON `config_changes` (`tenant_id`,"created_at" desc);--> statement-breakpoint
CREATE TABLE `connectors` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`url` text NOT NULL,
	`secret_ciphertext` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer,
	`reachable` integer,
	`last_error` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `connectors_tenant_idx` ON `connectors` (`tenant_id`);--> statement-breakpoint
CREATE TABLE `content_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`user_id` text,
	`query` text NOT NULL,
	`parse` text,
	`status` text NOT NULL,
	`options` text,
	`choice` text,
	`outcome` text,
	`reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `content_requests_status_created_idx` ON `content_requests` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `content_requests_tenant_created_idx` ON `content_requests` (`tenant_id`,"created_at" desc);--> statement-breakpoint
CREATE TABLE `memberships` (
	`tenant_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `user_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `memberships_user_idx` ON `memberships` (`user_id`);--> statement-breakpoint
CREATE TABLE `recommendations` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`audit_id` text NOT NULL,
	`rule_id` text NOT NULL,
	`app_name` text NOT NULL,
	`setting` text NOT NULL,
	`title` text NOT NULL,
	`priority` integer NOT NULL,
	`current_value` text,
	`recommended_value` text,
	`why` text NOT NULL,
	`source_name` text NOT NULL,
	`source_url` text,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`audit_id`) REFERENCES `audits`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `recommendations_audit_priority_status_idx` ON `recommendations` (`audit_id`,"priority" desc,`status`);--> statement-breakpoint
CREATE INDEX `recommendations_tenant_idx` ON `recommendations` (`tenant_id`);--> statement-breakpoint
CREATE TABLE `recovery_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`app` text NOT NULL,
	`item_id` text NOT NULL,
	`download_id` text,
	`title` text,
	`failure_reason` text NOT NULL,
	`strategy` text NOT NULL,
	`attempt` integer NOT NULL,
	`outcome` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `recovery_actions_tenant_created_idx` ON `recovery_actions` (`tenant_id`,"created_at" desc);--> statement-breakpoint
CREATE INDEX `recovery_actions_tenant_download_idx` ON `recovery_actions` (`tenant_id`,`download_id`);--> statement-breakpoint
CREATE TABLE `refresh_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`user_id` text NOT NULL,
	`family_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`rotated_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `refresh_sessions_token_hash_unique` ON `refresh_sessions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `refresh_sessions_family_idx` ON `refresh_sessions` (`family_id`);--> statement-breakpoint
CREATE TABLE `tenants` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);