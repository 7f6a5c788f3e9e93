import { describe, expect, it } from "vitest";
import { needsFirstRunDetails, proposeContactLines } from "./first-run";

describe('docs/rules.md "Before your first draft": who is asked, and what is offered', () => {
  it("asks while the name is empty or the signature has no email or phone", () => {
    expect(needsFirstRunDetails({ displayName: "", signature: "sam@example.test" })).toBe(true);
    expect(needsFirstRunDetails({ displayName: "Sam Lee", signature: "" })).toBe(true);
    expect(needsFirstRunDetails({ displayName: "Sam Lee", signature: "Sam Lee\nData engineer" })).toBe(true);
    expect(needsFirstRunDetails({ displayName: "Sam Lee", signature: "Sam Lee\n+1 415 555 0100" })).toBe(false);
    expect(needsFirstRunDetails({ displayName: "Sam Lee", signature: "sam@example.test" })).toBe(false);
  });

  it("offers the sign-in email under the name, keeping the signature's own lines", () => {
    expect(proposeContactLines({ displayName: "", signature: "", email: "sam@example.test" })).toBe("sam@example.test");
    expect(proposeContactLines({ displayName: "Sam Lee", signature: "Sam Lee\nData engineer", email: "sam@example.test" })).toBe("Data engineer\nsam@example.test");
  });

  it("offers a signature that already has a way to reach them as it is", () => {
    expect(proposeContactLines({ displayName: "", signature: "+1 415 555 0100", email: "sam@example.test" })).toBeNull();
  });
});
