import { beforeAll, describe, expect, it, vi } from "vitest";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { OUTCOMES } from "@/lib/interviews/outcomes";
import { setupTestDatabase } from "@/lib/test/database";
import { nextCacheModule, nextHeadersModule, signInAs } from "@/lib/test/request-context";
import { watchAftermath } from "./aftermath";
import { discoverServerActions, listFormFieldNames, type DiscoveredAction } from "./attack-surface";
import { attackAction, createAttackRecord, summarize, type AttackRecord } from "./harness";
import { listHostileForms, listHostileValues, type FormEntry, type HostileForm } from "./hostile-forms";
import { listHostileStrings, type HostileString } from "./payloads";
import { seedUser, type SeededUser } from "./seed";
import { FIELDS_KEPT_VALID, listValidForms, type ValidForm } from "./valid-forms";

// Every server action of the app, attacked with every class of hostile input,
// signed out and signed in as another user: issue 11, "Safe to put on the
// internet". The request boundary (next/headers, next/cache) is provided as in
// every action test; everything under it is the real code and database.
// Thousands of refused requests are logged as they should be; the report is what
// this suite reads, so the logger is quiet unless LOG_LEVEL asks otherwise.
vi.hoisted(() => {
  process.env.LOG_LEVEL ??= "silent";
});
vi.mock("next/headers", () => nextHeadersModule());
vi.mock("next/cache", () => nextCacheModule());

setupTestDatabase();

const ACTIONS = discoverServerActions();
const FIELD_NAMES = listFormFieldNames();
// signing in is the one thing a signed-out visitor may do
const isSignInAction = (action: DiscoveredAction) => action.name.startsWith("signIn");
// a fresh, benign form: what every field would hold if nothing were hostile
const BENIGN_ENTRIES = (names: readonly string[]): FormEntry[] => names.map((name) => [name, "x"]);
// how many of each class take the slow paths (a valid form with one hostile field, the draft preview); 1 MB strings among them
const SAMPLES_PER_CLASS = 2;
// the attacks run thousands of calls one after another; a busy 2-core machine needs more than the default 20 s
const ATTACK_TIMEOUT_MS = 120_000;

let victim: SeededUser;
let attacker: SeededUser;
let strings: HostileString[];
let forms: HostileForm[];

beforeAll(async () => {
  victim = await seedUser("Victim");
  attacker = await seedUser("Attacker");
  strings = listHostileStrings([
    { label: "victim's interview id", value: victim.interviewId },
    { label: "victim's interview id, upper case", value: victim.interviewId.toUpperCase() },
    { label: "victim's interview id and a NUL", value: `${victim.interviewId}\u0000` },
    { label: "victim's approved step id", value: victim.approvedStepId },
    { label: "victim's draft step id", value: victim.draftStepId },
    { label: "victim's message id", value: victim.messageId },
    { label: "victim's opportunity id", value: victim.opportunityId },
    { label: "victim's user id", value: victim.userId },
    { label: "victim's email", value: victim.email },
    { label: "victim's stored session value", value: victim.storedSessionToken },
    { label: "the nil uuid", value: "00000000-0000-0000-0000-000000000000" },
  ]);
  forms = listHostileForms(strings);
}, 120_000);

const aftermath = watchAftermath(() => victim.userId);

// The first few of each class, for the slow paths: their calls reach the database, the checks and the renderer.
function sampleEachClass(payloads: HostileString[]): HostileString[] {
  const taken = new Map<string, number>();
  return payloads.filter((payload) => {
    const count = taken.get(payload.class) ?? 0;
    taken.set(payload.class, count + 1);
    return count < SAMPLES_PER_CLASS;
  });
}

function formDataOf(entries: FormEntry[]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

function argumentsFor(action: DiscoveredAction, bound: unknown, form: FormData): unknown[] {
  const boundArguments = Array.from({ length: action.shape.boundArguments }, () => bound);
  return action.shape.takesForm ? [...boundArguments, INITIAL_ACTION_STATE, form] : boundArguments;
}

// soft: a test reports its 5xx findings and its unexpected-error findings together
function expectNoServerErrors(record: AttackRecord, by: "target" | "problem" = "target"): void {
  expect.soft(summarize(record.serverErrors, { by }), `${record.serverErrors.length} of ${record.calls} calls threw`).toEqual([]);
}

function expectNoUnexpectedErrors(record: AttackRecord): void {
  expect.soft(summarize(record.unexpectedErrors), `${record.unexpectedErrors.length} of ${record.calls} calls hit an unexpected error`).toEqual([]);
}

// Whether the action's answer says "sign in first": a redirect to /signin, or the session-ended message.
function isSentToSignIn(outcome: Awaited<ReturnType<typeof attackAction>>): boolean {
  const message = (outcome?.result as { message?: string } | undefined)?.message ?? "";
  return outcome?.redirect === "/signin" || /session ended/i.test(message);
}

// An action whose benign form already answers with the generic error (Google
// sign-in without Google configured) says nothing about hostile input.
async function listActionsFailingOnBenignInput(): Promise<Set<string>> {
  const record = createAttackRecord();
  for (const action of ACTIONS.filter((candidate) => candidate.shape.takesForm)) {
    await attackAction(record, { target: action.name, payload: "every field x" }, () =>
      action.run(...argumentsFor(action, victim.interviewId, formDataOf(BENIGN_ENTRIES(FIELD_NAMES)))),
    );
  }
  if (record.unexpectedErrors.length > 0) aftermath.note(`not judged, failing on benign input too: ${summarize(record.unexpectedErrors).join("; ")}`);
  return new Set(record.unexpectedErrors.map((finding) => finding.target));
}

async function postEveryHostileForm(record: AttackRecord, onOutcome: (action: DiscoveredAction, outcome: Awaited<ReturnType<typeof attackAction>>) => void) {
  for (const action of ACTIONS.filter((candidate) => candidate.shape.takesForm)) {
    for (const form of forms) {
      const attack = { target: action.name, payload: `[${form.class}] ${form.label}` };
      const outcome = await attackAction(record, attack, () => action.run(...argumentsFor(action, victim.interviewId, formDataOf(form.entries(FIELD_NAMES)))));
      onOutcome(action, outcome);
    }
  }
}

describe("hostile input to every server action", { timeout: ATTACK_TIMEOUT_MS }, () => {
  it("every server action is found and attacked, and every field its forms post", () => {
    expect(forms.length).toBeGreaterThanOrEqual(200);
    expect(ACTIONS.map((action) => action.name)).toEqual(
      expect.arrayContaining(["createInterviewAction", "saveSettingsAction", "saveDraftAction", "sendMessageAction", "signInWithEmailAction"]),
    );
    expect(FIELD_NAMES).toEqual(expect.arrayContaining(["company", "interviewers[1].email", "stepId", "messageId", "sendAtLocal", "password"]));
  });

  it("no hostile form post gives a 5xx, and a signed-out visitor is only ever sent to sign in", async () => {
    signInAs(null);
    const record = createAttackRecord();
    const notSentToSignIn: string[] = [];
    await postEveryHostileForm(record, (action, outcome) => {
      if (outcome && !isSignInAction(action) && !isSentToSignIn(outcome)) notSentToSignIn.push(action.name);
    });
    expectNoServerErrors(record);
    expect(new Set(notSentToSignIn)).toEqual(new Set());
  });

  it("no hostile form post gives a 5xx or an unexpected error when signed in as another user", async () => {
    signInAs(attacker.sessionToken);
    const failingAnyway = await listActionsFailingOnBenignInput();
    const record = createAttackRecord();
    const sentToSignIn: string[] = [];
    await postEveryHostileForm(record, (action, outcome) => {
      if (isSentToSignIn(outcome)) sentToSignIn.push(action.name);
    });
    // the attacker's session holds throughout: every answer came from past the session check
    expect.soft(new Set(sentToSignIn)).toEqual(new Set());
    record.unexpectedErrors = record.unexpectedErrors.filter((finding) => !failingAnyway.has(finding.target));
    expectNoServerErrors(record);
    expectNoUnexpectedErrors(record);
  });

  it("one hostile field in an otherwise valid form gives neither a 5xx nor an unexpected error", async () => {
    signInAs(attacker.sessionToken);
    const samples = sampleEachClass(strings);
    const record = createAttackRecord();
    for (const [name, valid] of Object.entries(listValidForms(attacker)) as [string, ValidForm][]) {
      const action = ACTIONS.find((candidate) => candidate.name === name);
      if (!action) continue;
      const run = (fields: Record<string, string>) => action.run(...valid.bound, INITIAL_ACTION_STATE, formDataOf(Object.entries(fields)));
      for (const field of Object.keys(valid.fields).filter((candidate) => !FIELDS_KEPT_VALID.has(candidate))) {
        for (const payload of samples) {
          const attack = { target: `${name} ${field}`, payload: `[${payload.class}] ${payload.label}` };
          await attackAction(record, attack, () => run({ ...valid.fields, [field]: payload.value }));
        }
        const { [field]: _left, ...withoutField } = valid.fields;
        await attackAction(record, { target: `${name} ${field}`, payload: "left out" }, () => run(withoutField));
      }
    }
    expectNoServerErrors(record);
    expectNoUnexpectedErrors(record);
  });

  it("bound arguments refuse hostile values and other users' ids", async () => {
    signInAs(attacker.sessionToken);
    const record = createAttackRecord();
    const values: { label: string; value: unknown }[] = [
      ...strings.filter((payload) => !payload.isLarge).map((payload) => ({ label: `[${payload.class}] ${payload.label}`, value: payload.value })),
      ...strings.filter((payload) => payload.isLarge).slice(0, 1).map((payload) => ({ label: payload.label, value: payload.value })),
      ...listHostileValues(),
    ];
    const validInterview = listValidForms(attacker).createInterviewAction!.fields;
    for (const action of ACTIONS.filter((candidate) => candidate.shape.boundArguments > 0)) {
      const form = formDataOf(Object.entries(validInterview));
      for (const { label, value } of values) {
        await attackAction(record, { target: action.name, payload: label }, () => action.run(...argumentsFor(action, value, form)));
      }
      // another user's ids in the first place, each value the second may take
      const victimIds = [victim.interviewId, victim.approvedStepId, victim.draftStepId, victim.opportunityId, victim.messageId];
      for (const id of victimIds) {
        for (const second of action.shape.boundArguments === 2 ? OUTCOMES : [undefined]) {
          const args = action.shape.boundArguments === 2 ? [id, second] : argumentsFor(action, id, form);
          await attackAction(record, { target: action.name, payload: `victim's id, ${second}` }, () => action.run(...args));
        }
      }
    }
    // the draft preview takes one object: the attacker's draft with hostile text, and the victim's draft
    const preview = ACTIONS.find((action) => action.name === "previewDraftAction");
    for (const payload of sampleEachClass(strings)) {
      const raw = { stepId: attacker.draftStepId, subject: payload.value, body: payload.value };
      await attackAction(record, { target: "previewDraftAction own draft", payload: payload.label }, () => preview!.run(raw));
    }
    const victimDraft = { stepId: victim.draftStepId, subject: "Hi", body: "Hello" };
    await attackAction(record, { target: "previewDraftAction", payload: "victim's draft" }, () => preview!.run(victimDraft));
    expectNoServerErrors(record);
    expectNoUnexpectedErrors(record);
  });

  it("an action called with arguments of the wrong type answers, never throws", async () => {
    // Next.js decodes an action's arguments from the request body: a caller chooses their types
    const record = createAttackRecord();
    for (const session of [null, attacker.sessionToken]) {
      signInAs(session);
      for (const action of ACTIONS) {
        for (const { label, value } of [...listHostileValues(), { label: "a string", value: "x" }]) {
          for (const args of [[], [value], [INITIAL_ACTION_STATE, value], [value, INITIAL_ACTION_STATE, value]]) {
            const attack = { target: `${action.name}${session ? " signed in" : ""}`, payload: `${args.length} arguments, ${label}` };
            await attackAction(record, attack, () => action.run(...args));
          }
        }
      }
    }
    expectNoServerErrors(record, "problem");
  });

  it("a session's stored value presented as its cookie signs no one in", async () => {
    signInAs(victim.storedSessionToken);
    const record = createAttackRecord();
    const validForms = listValidForms(victim);
    const signedIn: string[] = [];
    for (const action of ACTIONS.filter((candidate) => !isSignInAction(candidate))) {
      const valid = validForms[action.name];
      const form = formDataOf(valid ? Object.entries(valid.fields) : BENIGN_ENTRIES(FIELD_NAMES));
      const outcome = await attackAction(record, { target: action.name, payload: "valid form" }, () =>
        action.run(...(valid ? [...valid.bound, INITIAL_ACTION_STATE, form] : argumentsFor(action, victim.draftStepId, form))),
      );
      if (outcome && !isSentToSignIn(outcome)) signedIn.push(action.name);
    }
    expectNoServerErrors(record);
    expect(signedIn).toEqual([]);
  });

  aftermath.defineAftermathTests();
});
