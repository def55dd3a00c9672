ALTER TABLE `recovery_actions` ADD `release_key` text;--> statement-breakpoint
ALTER TABLE `recovery_actions` ADD `media_key` text;--> statement-breakpoint
CREATE INDEX `recovery_actions_tenant_release_idx` ON `recovery_actions` (`tenant_id`,`release_key`);--> statement-breakpoint
CREATE INDEX `recovery_actions_tenant_media_idx` ON `recovery_actions` (`tenant_id`,`media_key`);