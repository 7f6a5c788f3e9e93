import { describe, expect, it } from "vitest";
import { createFailureLimiter } from "./rate-limit";

describe("bad feed token limiter", () => {
  it("blocks a client after the limit within the window, and forgets it after", () => {
    const limiter = createFailureLimiter({ limit: 3, windowMs: 1_000, maxKeys: 10 });
    for (let i = 0; i < 3; i++) {
      expect(limiter.isBlocked("1.2.3.4", 100)).toBe(false);
      limiter.recordFailure("1.2.3.4", 100);
    }
    expect(limiter.isBlocked("1.2.3.4", 500)).toBe(true);
    expect(limiter.isBlocked("5.6.7.8", 500)).toBe(false);
    expect(limiter.isBlocked("1.2.3.4", 1_200)).toBe(false);
  });

  it("keeps memory bounded", () => {
    const limiter = createFailureLimiter({ limit: 1, windowMs: 60_000, maxKeys: 2 });
    limiter.recordFailure("a", 0);
    limiter.recordFailure("b", 0);
    limiter.recordFailure("c", 0);
    expect(limiter.isBlocked("a", 1)).toBe(false);
    expect(limiter.isBlocked("c", 1)).toBe(true);
  });
});
