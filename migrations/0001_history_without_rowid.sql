-- command_history is keyed by (cluster_id, seq) and read by cluster: as a WITHOUT ROWID table its
-- primary key is the table itself, so inserting a command writes one row, not a row plus an index
-- entry (D1 bills both). drizzle's schema cannot say WITHOUT ROWID, hence this custom migration.
CREATE TABLE `command_history_new` (
	`cluster_id` text NOT NULL,
	`seq` integer NOT NULL,
	`at` integer NOT NULL,
	`command` text NOT NULL,
	`stdin` text,
	`exit_code` integer NOT NULL,
	`stdout` text NOT NULL,
	`stderr` text NOT NULL,
	`tasks_completed` text DEFAULT '[]' NOT NULL,
	`causes` text DEFAULT '[]' NOT NULL,
	PRIMARY KEY(`cluster_id`, `seq`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `command_history_new` SELECT * FROM `command_history`;
--> statement-breakpoint
DROP TABLE `command_history`;
--> statement-breakpoint
ALTER TABLE `command_history_new` RENAME TO `command_history`;
