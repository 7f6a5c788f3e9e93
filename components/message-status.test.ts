import { describe, expect, it } from "vitest";
import { describeMessagesInFlight, statusLine } from "./message-status";

const NOW = new Date("2026-12-03T10:00:00Z");
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe("the Outbox and draft re-read themselves only while a message is in flight", () => {
  it("a message queued to go now or sending is in flight; one scheduled later only wakes the page at its time", () => {
    expect(describeMessagesInFlight([{ status: "scheduled", sendAt: at(0) }], NOW)).toEqual({ isInFlight: true, nextSendAt: null });
    expect(describeMessagesInFlight([{ status: "sending", sendAt: at(-1) }], NOW).isInFlight).toBe(true);
    expect(
      describeMessagesInFlight(
        [
          { status: "scheduled", sendAt: at(30) },
          { status: "scheduled", sendAt: at(5) },
          { status: "sent", sendAt: at(-60) },
        ],
        NOW,
      ),
    ).toEqual({ isInFlight: false, nextSendAt: at(5).toISOString() });
  });

  it("nothing sent, failed or cancelled keeps the page re-reading", () => {
    const settled = ["sent", "failed", "cancelled", "unknown"].map((status) => ({ status, sendAt: at(-5) }));
    expect(describeMessagesInFlight(settled, NOW)).toEqual({ isInFlight: false, nextSendAt: null });
  });
});

describe('docs/rules.md "Undo": a closed step\'s message says it won\'t be sent', () => {
  it("a cancelled message reads \"Won't be sent\"", () => {
    const line = statusLine({ status: "cancelled", sendAt: at(60), sentAt: null, updatedAt: NOW, claimedAt: null }, "Europe/Berlin", NOW);
    expect(line).toBe("Won't be sent (cancelled Thu 3 Dec 2026, 11:00)");
  });
});
