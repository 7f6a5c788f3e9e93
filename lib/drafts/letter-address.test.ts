import { describe, expect, it } from "vitest";
import { composeAddressBlock } from "./letter-address";

describe("a printed letter's address block names each line once", () => {
  it("leaves out the name and company when the typed address repeats them, ignoring case and spacing", () => {
    expect(composeAddressBlock(["Roger Sterling", "Partner", "Sterling Cooper", "roger  sterling\nSTERLING COOPER \n405 Madison Avenue\nNew York, NY 10017"])).toBe(
      "Roger Sterling\nPartner\nSterling Cooper\n405 Madison Avenue\nNew York, NY 10017",
    );
  });

  it("leaves out the sender's name when their own address starts with it", () => {
    expect(composeAddressBlock(["Sam Lee", "Sam Lee\r\n12 Elm Street\r\nSpringfield, IL 62701"])).toBe("Sam Lee\n12 Elm Street\nSpringfield, IL 62701");
  });

  it("keeps an address that does not repeat them as typed, without empty lines or a missing title", () => {
    expect(composeAddressBlock(["Roger Sterling", "", "Sterling Cooper", "405 Madison Avenue\n\nNew York"])).toBe("Roger Sterling\nSterling Cooper\n405 Madison Avenue\nNew York");
  });

  it("keeps a line that only contains the name (a building named after someone)", () => {
    expect(composeAddressBlock(["Sam Lee", "Sam Lee House\n1 Main St"])).toBe("Sam Lee\nSam Lee House\n1 Main St");
  });
});
