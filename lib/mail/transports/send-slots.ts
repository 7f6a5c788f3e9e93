/**
 * How many messages a transport can have on the wire at once. The outbox takes
 * a slot before it claims a message, so a worker that dies leaves "sending"
 * (then "unknown") only the messages that were really being sent, never the
 * ones still waiting for a pooled connection.
 */
export type SendSlots = {
  readonly size: number;
  /** Resolves once a slot is free; call the returned function to give it back. */
  acquire(): Promise<() => void>;
};

export function createSendSlots(size: number): SendSlots {
  let inUse = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else inUse -= 1;
  };
  return {
    size,
    acquire() {
      const releaseOnce = () => {
        let isReleased = false;
        return () => {
          if (isReleased) return;
          isReleased = true;
          release();
        };
      };
      if (inUse < size) {
        inUse += 1;
        return Promise.resolve(releaseOnce());
      }
      // a released slot passes straight to the next waiter, so inUse stays the same
      return new Promise((resolve) => waiting.push(() => resolve(releaseOnce())));
    },
  };
}
