// Guessing feed tokens is hopeless (256 bits), but a client hammering bad URLs
// still costs a database lookup each: bad attempts are counted per client in a
// fixed window, and a client over the limit is refused before any lookup.
export type FailureLimiter = {
  isBlocked: (key: string, now: number) => boolean;
  recordFailure: (key: string, now: number) => void;
};

export function createFailureLimiter({ limit, windowMs, maxKeys }: { limit: number; windowMs: number; maxKeys: number }): FailureLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  const current = (key: string, now: number) => {
    const window = windows.get(key);
    return window && now - window.start < windowMs ? window : undefined;
  };
  return {
    isBlocked: (key, now) => (current(key, now)?.count ?? 0) >= limit,
    recordFailure(key, now) {
      const window = current(key, now);
      if (window) {
        window.count += 1;
        return;
      }
      // bounded memory: the oldest client is forgotten first
      if (windows.size >= maxKeys) windows.delete(windows.keys().next().value as string);
      windows.set(key, { start: now, count: 1 });
    },
  };
}
