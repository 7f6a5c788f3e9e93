import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as unsubscribe } from "@/app/unsubscribe/digest/[token]/route";
import { getDb } from "../db/client";
import { digestRuns, sessions, users } from "../db/schema";
import { enqueueMany, getQueue, QUEUES } from "../jobs/queue";
import { startWorker, type RunningWorker } from "../jobs/worker";
import { setupTestDatabase } from "../test/database";
import { startTestSmtpServer, type TestSmtpServer } from "../test/smtp-server";
import { scanDigests } from "./scan";
import { getDigestTime } from "./schedule";
import { digestJobKey, sendDigest } from "./send-digest";
import { addPendingStep, createDigestUser, mailsTo, readDigestRuns, waitForDigestJobs } from "@/lib/test/digest-fixtures";

setupTestDatabase();

// jobs expire fast, so a job held by a dead worker comes back within seconds
const QUEUE = { expireInSeconds: 3, maintenanceIntervalSeconds: 1, retryLimit: 3, retryDelaySeconds: 1, pollingIntervalSeconds: 0.5 };
const QUARTER_HOUR_MS = 15 * 60_000;

let smtp: TestSmtpServer;
let worker: RunningWorker | undefined;
// the worker's clock: the scans and the jobs read the same instant
let clock = new Date("2027-01-05T00:00:00Z");

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Afterview <digest@afterview.test>";
  worker = await startWorker({ settings: QUEUE, now: () => clock });
});

afterAll(async () => {
  await worker?.stop();
  await smtp?.close();
});

/** One scan at `at`, as the worker's cron runs it, and the jobs it queued run to the end. */
async function scanAt(at: Date): Promise<number> {
  clock = at;
  const queued = await scanDigests({ now: at });
  if (queued > 0) await waitForDigestJobs();
  return queued;
}

/** Scans every quarter hour from `from` (inclusive) to `to` (exclusive), as the cron does. */
async function scanEveryQuarterHour(from: Date, to: Date): Promise<void> {
  for (let at = from.getTime(); at < to.getTime(); at += QUARTER_HOUR_MS) await scanAt(new Date(at));
}

// the header as it was written (mailparser folds List-* headers into one object)
function headerOf(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((header) => header.key === name)?.line;
  return line?.slice(line.indexOf(":") + 1).trim();
}

function unsubscribeUrlOf(mail: ParsedMail): string {
  return /^<(.+)>$/.exec(headerOf(mail, "list-unsubscribe") ?? "")![1]!;
}

describe("morning digest: when it is sent", () => {
  it("goes out at the digest hour in each user's zone, India +05:30 and Nepal +05:45 included, and not a quarter hour before", async () => {
    const india = await createDigestUser({ timeZone: "Asia/Kolkata", hour: 8 });
    const nepal = await createDigestUser({ timeZone: "Asia/Kathmandu", hour: 8 });
    for (const user of [india, nepal]) await addPendingStep({ userId: user.id, dueAt: new Date("2027-01-05T03:30:00Z") });

    await scanAt(new Date("2027-01-05T02:00:00Z"));
    expect(mailsTo(smtp, india.email!)).toHaveLength(0);
    expect(mailsTo(smtp, nepal.email!)).toHaveLength(0);
    await scanAt(new Date("2027-01-05T02:15:00Z")); // 08:00 in Kathmandu, 07:45 in Kolkata
    expect(mailsTo(smtp, nepal.email!)).toHaveLength(1);
    expect(mailsTo(smtp, india.email!)).toHaveLength(0);
    await scanAt(new Date("2027-01-05T02:30:00Z")); // 08:00 in Kolkata
    await scanEveryQuarterHour(new Date("2027-01-05T02:45:00Z"), new Date("2027-01-05T18:30:00Z"));
    expect(mailsTo(smtp, india.email!)).toHaveLength(1);
    expect(mailsTo(smtp, nepal.email!)).toHaveLength(1);
    expect(await readDigestRuns(india.id)).toMatchObject([{ localDate: "2027-01-05", kind: "due", sentAt: new Date("2027-01-05T02:30:00Z") }]);
  });

  it("is not sent on a day with nothing overdue or due, nor on a weekday the user did not choose", async () => {
    const idle = await createDigestUser({ timeZone: "Europe/Berlin", hour: 8 });
    await addPendingStep({ userId: idle.id, dueAt: new Date("2027-01-12T08:00:00Z") });
    // Saturday 9 January 2027, for a user who chose Monday to Friday
    const weekdaysOnly = await createDigestUser({ timeZone: "Europe/Berlin", hour: 8, weekdays: [1, 2, 3, 4, 5] });
    await addPendingStep({ userId: weekdaysOnly.id, dueAt: new Date("2027-01-09T06:00:00Z") });
    await scanEveryQuarterHour(new Date("2027-01-08T23:00:00Z"), new Date("2027-01-09T23:00:00Z"));
    expect(mailsTo(smtp, idle.email!)).toHaveLength(0);
    expect(mailsTo(smtp, weekdaysOnly.email!)).toHaveLength(0);
    expect(await readDigestRuns(idle.id)).toEqual([]);
  });

  it("sends the weekly 'nothing due, N waiting for replies' at most once a week, and only to users who asked for it", async () => {
    const asked = await createDigestUser({ timeZone: "Europe/Berlin", hour: 8, weeklyIdle: true });
    const notAsked = await createDigestUser({ timeZone: "Europe/Berlin", hour: 8 });
    for (const user of [asked, notAsked]) {
      await addPendingStep({ userId: user.id, kind: "follow_up", dueAt: new Date("2027-03-01T08:00:00Z"), company: "Globex" });
      await addPendingStep({ userId: user.id, kind: "follow_up", dueAt: new Date("2027-03-02T08:00:00Z"), company: "Initech" });
    }
    // eight mornings in a row, 08:00 in Berlin
    for (let day = 0; day < 8; day++) await scanAt(DateTime.fromISO("2027-01-11T08:00", { zone: "Europe/Berlin" }).plus({ days: day }).toJSDate());
    const mails = mailsTo(smtp, asked.email!);
    expect(mails.map((mail) => mail.subject)).toEqual([
      "Afterview: Nothing due today; 2 opportunities waiting for replies",
      "Afterview: Nothing due today; 2 opportunities waiting for replies",
    ]);
    expect((await readDigestRuns(asked.id)).map((run) => [run.localDate, run.kind])).toEqual([
      ["2027-01-11", "idle"],
      ["2027-01-18", "idle"],
    ]);
    expect(mails[0]!.text).toContain("Data Engineer at Globex");
    expect(mailsTo(smtp, notAsked.email!)).toHaveLength(0);
  });
});

// Four Sundays when the clocks change, each scanned every quarter hour from the
// local midnight to the next: users at 01:00, 02:00, 03:00 and 08:00 get one
// digest each, at the first scan at or after their hour (02:00 that does not
// exist is 03:00; 01:00 or 02:00 that happens twice is its first time).
describe.each([
  { zone: "America/New_York", day: "2026-03-08", change: "spring forward" },
  { zone: "America/New_York", day: "2026-11-01", change: "fall back" },
  { zone: "Europe/Berlin", day: "2026-03-29", change: "spring forward" },
  { zone: "Europe/Berlin", day: "2026-10-25", change: "fall back" },
])("morning digest on the DST day ($change) in $zone", ({ zone, day }) => {
  it("sends each user exactly one digest, at their hour, none lost and none twice", async () => {
    const start = DateTime.fromISO(day, { zone }).startOf("day");
    const hours = [1, 2, 3, 8];
    const people = [];
    for (const hour of hours) {
      const user = await createDigestUser({ timeZone: zone, hour });
      await addPendingStep({ userId: user.id, dueAt: start.plus({ hours: 12 }).toJSDate() });
      people.push({ user, hour });
    }
    await scanEveryQuarterHour(start.toJSDate(), start.plus({ days: 1 }).toJSDate());
    for (const { user, hour } of people) {
      expect(mailsTo(smtp, user.email!), `${hour}:00`).toHaveLength(1);
      expect(await readDigestRuns(user.id)).toMatchObject([{ localDate: day, sentAt: getDigestTime(day, hour, zone) }]);
    }
  });
});

describe("morning digest: the mail", () => {
  it("has text and HTML parts, lists each step with its reason and link, calls out drafts to approve, and carries List-Unsubscribe with one-click List-Unsubscribe-Post", async () => {
    const user = await createDigestUser({ timeZone: "Europe/Berlin", hour: 7 });
    const overdue = await addPendingStep({ userId: user.id, dueAt: new Date("2027-02-01T08:00:00Z"), company: "Globex" });
    const call = await addPendingStep({ userId: user.id, kind: "call", dueAt: new Date("2027-02-02T15:00:00Z"), company: "Initech" });
    await scanAt(new Date("2027-02-02T06:00:00Z"));
    const [mail] = mailsTo(smtp, user.email!);
    expect(mail!.subject).toBe("Afterview: 2 steps to do today (1 overdue)");
    expect(mail!.from?.value).toEqual([{ name: "Afterview", address: "digest@afterview.test" }]);
    expect(mail!.text).toContain("1 draft is ready for you to approve.");
    expect(mail!.text).toContain("Draft ready to approve: Send a thank-you to Jane Doe");
    expect(mail!.text).toContain("Why: Planned by the test for Globex.");
    expect(mail!.text).toContain(`http://localhost:3000/drafts/${overdue.stepId}`);
    expect(mail!.text).toContain("Call Jane Doe, as they invited you to");
    expect(mail!.text).toContain(`http://localhost:3000/interviews/${call.interviewId}`);
    expect(mail!.text).toContain("http://localhost:3000/dashboard");
    expect(mail!.html).toContain(`href="http://localhost:3000/drafts/${overdue.stepId}"`);
    expect(mail!.html).toContain("Draft ready to approve");
    const url = unsubscribeUrlOf(mail!);
    expect(url).toMatch(/^http:\/\/localhost:3000\/unsubscribe\/digest\/[^/]+$/);
    expect(headerOf(mail!, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(mail!.html).toContain(url);
  });

  it("its unsubscribe link turns the digest off with the one-click POST, without a session, and changes nothing else", async () => {
    const user = await createDigestUser({ timeZone: "Europe/Berlin", hour: 7, weeklyIdle: true });
    await addPendingStep({ userId: user.id, dueAt: new Date("2027-02-03T08:00:00Z") });
    await scanAt(new Date("2027-02-03T06:00:00Z"));
    const [mail] = mailsTo(smtp, user.email!);
    const url = unsubscribeUrlOf(mail!);
    const [before] = await getDb().select().from(users).where(eq(users.id, user.id));
    const response = await unsubscribe(
      new Request(url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }),
      { params: Promise.resolve({ token: url.split("/").pop()! }) },
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("The morning digest is off");
    expect(response.headers.get("set-cookie")).toBeNull();
    const [after] = await getDb().select().from(users).where(eq(users.id, user.id));
    expect(after).toEqual({ ...before, digestEnabled: false });
    expect(await getDb().select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
    // and the next morning brings nothing
    await scanAt(new Date("2027-02-04T06:00:00Z"));
    expect(mailsTo(smtp, user.email!)).toHaveLength(1);
  });
});

describe("morning digest: once a local day, whatever the workers do", () => {
  it("sends one mail when a worker died holding the job after its claim (sent_at empty): the job comes back and the claim is reused", async () => {
    const user = await createDigestUser({ timeZone: "Europe/Berlin", hour: 8 });
    await addPendingStep({ userId: user.id, dueAt: new Date("2027-02-08T09:00:00Z") });
    clock = new Date("2027-02-08T07:00:00Z");
    const data = { userId: user.id, localDate: "2027-02-08" };
    // what a worker killed mid-run leaves: its claim without sent_at, and its job active until it expires
    await getDb().insert(digestRuns).values({ ...data, kind: "due" });
    await worker!.stop();
    const boss = await getQueue({ role: "worker", settings: QUEUE });
    await enqueueMany(QUEUES.digestSend, [{ data, singletonKey: digestJobKey(data) }]);
    const [held] = await boss.fetch(QUEUES.digestSend);
    expect(held?.data).toEqual(data);
    worker = await startWorker({ settings: QUEUE, now: () => clock });
    // a scan meanwhile queues the same digest again (the claim is not sent)
    await scanDigests({ now: clock });
    await waitForDigestJobs();
    expect(mailsTo(smtp, user.email!)).toHaveLength(1);
    expect(await readDigestRuns(user.id)).toMatchObject([{ localDate: "2027-02-08", sentAt: clock }]);
  });

  it("sends one mail when several workers take the same digest at once", async () => {
    const user = await createDigestUser({ timeZone: "Europe/Berlin", hour: 8 });
    await addPendingStep({ userId: user.id, dueAt: new Date("2027-02-09T09:00:00Z") });
    clock = new Date("2027-02-09T07:00:00Z");
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => sendDigest({ userId: user.id, localDate: "2027-02-09", now: clock })));
    expect(outcomes.filter((outcome) => outcome === "sent")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === "already-sent")).toHaveLength(5);
    // and jobs for it, queued without the key, taken by the worker's pollers at once
    const data = { userId: user.id, localDate: "2027-02-09" };
    await enqueueMany(QUEUES.digestSend, Array.from({ length: 4 }, () => ({ data })));
    await waitForDigestJobs();
    expect(mailsTo(smtp, user.email!)).toHaveLength(1);
  });

  // Auckland's 08:00 (19:00 UTC) is outside every other user's window in this file, so each fault meets this user's mail
  it("retries a digest the mail server refused (nothing delivered), and does not resend one whose outcome is unknown (at most once)", async () => {
    const refused = await createDigestUser({ timeZone: "Pacific/Auckland", hour: 8 });
    await addPendingStep({ userId: refused.id, dueAt: new Date("2027-02-10T20:00:00Z") });
    smtp.faults.push({ kind: "reply", at: "mail", code: 451, message: "try again later" });
    await scanAt(new Date("2027-02-10T19:00:00Z"));
    expect(mailsTo(smtp, refused.email!)).toHaveLength(1);
    expect(smtp.faults).toEqual([]);
    await turnOffDigestFor(refused.id);

    const unknown = await createDigestUser({ timeZone: "Pacific/Auckland", hour: 8 });
    await addPendingStep({ userId: unknown.id, dueAt: new Date("2027-02-11T20:00:00Z") });
    smtp.faults.push({ kind: "drop-after-data" });
    await scanAt(new Date("2027-02-11T19:00:00Z"));
    await scanAt(new Date("2027-02-11T19:15:00Z"));
    expect(mailsTo(smtp, unknown.email!)).toHaveLength(0);
    expect(smtp.receivedUnacknowledged.filter((mail) => mail.to && !Array.isArray(mail.to) && mail.to.text === unknown.email)).toHaveLength(1);
    expect(await readDigestRuns(unknown.id)).toMatchObject([{ localDate: "2027-02-12", sentAt: new Date("2027-02-11T19:00:00Z") }]);
  });
});

async function turnOffDigestFor(userId: string) {
  await getDb().update(users).set({ digestEnabled: false }).where(eq(users.id, userId));
}
