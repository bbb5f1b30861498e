CREATE TABLE `kube_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`cluster_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `kube_tokens_cluster_idx` ON `kube_tokens` (`cluster_id`);