import { describe, expect, it } from "vitest";
import { describeWorkerSilence } from "./heartbeat";

const NOW = new Date("2026-03-02T10:00:00Z");
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

describe("describeWorkerSilence", () => {
  it("says nothing while a worker reported in the last two minutes", () => {
    expect(describeWorkerSilence({ lastSeen: minutesAgo(1.9), now: NOW })).toBeNull();
  });

  it("says for how long no worker has been seen, and that the message waits for one", () => {
    expect(describeWorkerSilence({ lastSeen: minutesAgo(7.5), now: NOW })).toBe(
      "No mail worker has been seen for 7 minutes; the message is queued and will go when it runs.",
    );
    expect(describeWorkerSilence({ lastSeen: minutesAgo(3), now: NOW, queued: "several" })).toBe(
      "No mail worker has been seen for 3 minutes; queued messages will go when it runs.",
    );
  });

  it("says so when no worker ever reported", () => {
    expect(describeWorkerSilence({ lastSeen: null, now: NOW })).toBe("No mail worker has been seen yet; the message is queued and will go when it runs.");
  });
});
