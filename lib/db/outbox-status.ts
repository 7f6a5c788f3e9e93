import type { outboxStatus } from "./schema";

type OutboxStatus = (typeof outboxStatus.enumValues)[number];

/**
 * Statuses in which a message holds its draft: what was approved is what goes
 * (or went) out. Here, below both the drafts and the mail, because each needs
 * it and the mail already builds on the drafts.
 */
export const LOCKING_STATUSES = ["scheduled", "sending", "sent", "unknown"] as const satisfies readonly OutboxStatus[];

/** The rest: the message failed or was cancelled, and its step's draft is free again. */
export const SETTLED_STATUSES = ["failed", "cancelled"] as const satisfies readonly OutboxStatus[];
