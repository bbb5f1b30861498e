PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_clusters` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`lab_id` text NOT NULL,
	`state` blob NOT NULL,
	`version` integer NOT NULL,
	`progress` text DEFAULT '{"tasks":{},"completedAt":null}' NOT NULL,
	`commands` integer DEFAULT 0 NOT NULL,
	`time_spent_seconds` integer DEFAULT 0 NOT NULL,
	`last_activity_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_clusters`("id", "user_id", "lab_id", "state", "version", "progress", "commands", "time_spent_seconds", "last_activity_at", "created_at", "updated_at") SELECT "id", "user_id", "lab_id", "state", "version", "progress", "commands", "time_spent_seconds", "last_activity_at", "created_at", "updated_at" FROM `clusters`;--> statement-breakpoint
DROP TABLE `clusters`;--> statement-breakpoint
ALTER TABLE `__new_clusters` RENAME TO `clusters`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `clusters_user_lab_unique` ON `clusters` (`user_id`,`lab_id`);