CREATE TABLE `authored_lab_classes` (
	`lab_id` text NOT NULL,
	`class_id` text NOT NULL,
	`published_at` integer NOT NULL,
	PRIMARY KEY(`lab_id`, `class_id`)
);
--> statement-breakpoint
CREATE INDEX `authored_lab_classes_class_idx` ON `authored_lab_classes` (`class_id`);--> statement-breakpoint
CREATE TABLE `authored_labs` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`title` text NOT NULL,
	`source` text NOT NULL,
	`version` integer NOT NULL,
	`verified_version` integer,
	`published_source` text,
	`published_version` integer,
	`published` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `authored_labs_owner_idx` ON `authored_labs` (`owner_id`);