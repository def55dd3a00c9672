ALTER TABLE `connectors` ADD `check_lease_until` integer;--> statement-breakpoint
CREATE INDEX `connectors_check_lease_idx` ON `connectors` (`check_lease_until`);