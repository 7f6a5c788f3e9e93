import { describe, expect, it } from "vitest";
import { matchReply, type IncomingMail, type ReplyCandidates } from "./match";

const INTERVIEW = "11111111-1111-4111-8111-111111111111";
const OTHER_INTERVIEW = "22222222-2222-4222-8222-222222222222";
const JANE = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const OMAR = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";

const candidates: ReplyCandidates = {
  sent: [
    { messageId: "<thanks-jane@afterview.local>", interviewId: INTERVIEW, interviewerId: JANE, toAddress: "Jane@Acme.example", sentAt: new Date("2026-11-18T08:00:00Z") },
  ],
  awaiting: [
    { interviewId: INTERVIEW, interviewerId: JANE, address: "jane@acme.example", since: new Date("2026-11-17T14:00:00Z") },
    { interviewId: INTERVIEW, interviewerId: OMAR, address: "omar@acme.example", since: new Date("2026-11-17T14:00:00Z") },
  ],
  ownAddresses: ["sam@example.com"],
};

function mail(overrides: Partial<IncomingMail> = {}): IncomingMail {
  return {
    externalId: "<reply-1@acme.example>",
    messageId: "<reply-1@acme.example>",
    inReplyTo: null,
    references: [],
    fromAddress: "someone@elsewhere.example",
    subject: "Re: Thank you",
    receivedAt: new Date("2026-11-19T10:00:00Z"),
    isAutoReply: false,
    ...overrides,
  };
}

describe("matchReply (docs/rules.md, Outcomes: any reply stops the follow-ups)", () => {
  it("matches a reply whose In-Reply-To is a message we sent, whoever forwarded it", () => {
    expect(matchReply(mail({ inReplyTo: "<thanks-jane@afterview.local>" }), candidates)).toEqual({ interviewId: INTERVIEW, interviewerId: JANE, matchedBy: "thread" });
  });

  it("matches through References when In-Reply-To names another message of the thread", () => {
    const reply = mail({ fromAddress: "omar@acme.example", inReplyTo: "<internal@acme.example>", references: ["<thanks-jane@afterview.local>", "<internal@acme.example>"] });
    expect(matchReply(reply, candidates)).toEqual({ interviewId: INTERVIEW, interviewerId: OMAR, matchedBy: "thread" });
  });

  it("matches by the sender's address, case-insensitively, after our send", () => {
    expect(matchReply(mail({ fromAddress: "JANE@acme.EXAMPLE" }), candidates)).toEqual({ interviewId: INTERVIEW, interviewerId: JANE, matchedBy: "address" });
  });

  it("matches an interviewer still awaiting follow-ups when nothing was sent through Afterview", () => {
    expect(matchReply(mail({ fromAddress: "omar@acme.example" }), candidates)).toEqual({ interviewId: INTERVIEW, interviewerId: OMAR, matchedBy: "address" });
  });

  it("ignores mail from an interviewer dated before the interview (scheduling it)", () => {
    expect(matchReply(mail({ fromAddress: "omar@acme.example", receivedAt: new Date("2026-11-10T09:00:00Z") }), candidates)).toBeNull();
  });

  it("picks the most recent interview when one interviewer is in two", () => {
    const twoRounds: ReplyCandidates = {
      ...candidates,
      sent: [],
      awaiting: [...candidates.awaiting, { interviewId: OTHER_INTERVIEW, interviewerId: JANE, address: "jane@acme.example", since: new Date("2026-11-18T14:00:00Z") }],
    };
    expect(matchReply(mail({ fromAddress: "jane@acme.example" }), twoRounds)?.interviewId).toBe(OTHER_INTERVIEW);
  });

  it("does not count an unrelated message", () => {
    expect(matchReply(mail({ fromAddress: "newsletter@shop.example", inReplyTo: "<something@else>" }), candidates)).toBeNull();
  });

  it("never counts an out-of-office auto-reply, even in the thread", () => {
    expect(matchReply(mail({ fromAddress: "jane@acme.example", inReplyTo: "<thanks-jane@afterview.local>", isAutoReply: true }), candidates)).toBeNull();
  });

  it("never counts our own sent copy, or the user's own mail in the thread", () => {
    expect(matchReply(mail({ messageId: "<thanks-jane@afterview.local>", fromAddress: "jane@acme.example" }), candidates)).toBeNull();
    expect(matchReply(mail({ fromAddress: "Sam@Example.com", inReplyTo: "<thanks-jane@afterview.local>" }), candidates)).toBeNull();
  });
});
