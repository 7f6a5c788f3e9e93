import { describe, expect, it } from "vitest";
import { createSendSlots } from "./send-slots";

describe("send slots", () => {
  it("never lends more slots than its size, and hands a returned slot to the first waiter", async () => {
    const slots = createSendSlots(2);
    const first = await slots.acquire();
    const second = await slots.acquire();
    const order: string[] = [];
    const third = slots.acquire().then((release) => {
      order.push("third");
      return release;
    });
    const fourth = slots.acquire().then((release) => {
      order.push("fourth");
      return release;
    });
    await Promise.resolve();
    expect(order).toEqual([]);
    first();
    first();
    const releaseThird = await third;
    await Promise.resolve();
    expect(order).toEqual(["third"]);
    second();
    (await fourth)();
    releaseThird();
    expect(order).toEqual(["third", "fourth"]);
    // all returned: two can be taken at once again
    await Promise.all([slots.acquire(), slots.acquire()]);
  });
});
