import "server-only";
import { enqueueMany, QUEUES } from "@/lib/jobs/queue";
import { logger } from "@/lib/log";
import { listDigestCandidates, listDigestZones } from "./queries";
import { getDigestDay, listOpenDigestHours } from "./schedule";
import { digestJobKey } from "./send-digest";

/**
 * The quarter-hourly scan (docs/rules.md "Morning digest"): works out, per zone
 * in use, which local day it is and which digest hours are open, finds the
 * users due a digest in one query, and queues one job each, keyed by user and
 * local date. The scan only proposes: the job's claim decides, so scans that
 * overlap (several workers) or repeat (a job still waiting) send nothing twice.
 */
export async function scanDigests({ now }: { now: Date }): Promise<number> {
  const days = [];
  for (const zone of await listDigestZones()) {
    const day = getDigestDay(now, zone);
    if (!day) {
      logger.warn({ zone }, "digest.unknown_time_zone");
      continue;
    }
    days.push({ ...day, hours: listOpenDigestHours(day, now) });
  }
  const candidates = await listDigestCandidates({ now, days });
  await enqueueMany(
    QUEUES.digestSend,
    candidates.map((candidate) => ({ data: candidate, singletonKey: digestJobKey(candidate) })),
  );
  return candidates.length;
}
