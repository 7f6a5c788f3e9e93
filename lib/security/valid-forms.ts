import { interviewFormValues } from "../test/factories";
import type { SeededUser } from "./seed";
import { CLOSED_LOOPBACK_PORT } from "./seed";

// A form each action accepts, on the attacker's own rows, so that one hostile
// field among valid ones gets past the schema's other checks and as far into
// the action as it can (the database, the mail composer, the plan engine).

export type ValidForm = { bound: unknown[]; fields: Record<string, string> };

/**
 * Fields a hostile value never goes into: a mail server's host is looked up
 * and dialed when valid, and the suite reaches nothing off this machine.
 */
export const FIELDS_KEPT_VALID = new Set(["host"]);

// The interview form's own names: "company", "interviewers[1].email".
function toFields(values: Record<string, unknown>, prefix = "", fields: Record<string, string> = {}): Record<string, string> {
  for (const [key, value] of Object.entries(values)) {
    const name = !prefix ? key : Array.isArray(values) ? `${prefix}[${key}]` : `${prefix}.${key}`;
    if (value !== null && typeof value === "object") toFields(value as Record<string, unknown>, name, fields);
    else if (value !== undefined) fields[name] = String(value);
  }
  return fields;
}

export function listValidForms(owner: SeededUser): Record<string, ValidForm> {
  const interview = toFields(interviewFormValues());
  const draft = { stepId: owner.draftStepId, subject: "Following up", body: "Any news on the role?" };
  const mailServer = { host: "127.0.0.1", port: String(CLOSED_LOOPBACK_PORT), security: "none", username: "ada", password: "not-a-real-secret" };
  return {
    saveSettingsAction: {
      bound: [],
      fields: { displayName: "Ada", timeZone: "Europe/Berlin", sendHour: "9", signature: "Best,\nAda", postalAddress: "1 Main St" },
    },
    saveDraftAction: { bound: [], fields: draft },
    approveDraftAction: { bound: [], fields: draft },
    snoozeStepAction: { bound: [], fields: { stepId: owner.draftStepId, until: "2030-01-07T09:00" } },
    sendMessageAction: { bound: [], fields: { stepId: owner.approvedStepId, when: "at", sendAtLocal: "2030-01-07T09:00" } },
    cancelMessageAction: { bound: [], fields: { messageId: owner.messageId } },
    resolveUnknownMessageAction: { bound: [], fields: { messageId: owner.messageId, resolution: "sent" } },
    setGoogleFeatureAction: { bound: [], fields: { feature: "send", isEnabled: "false" } },
    saveSmtpSettingsAction: { bound: [], fields: { ...mailServer, fromAddress: "ada@example.com", fromName: "Ada" } },
    saveImapSettingsAction: { bound: [], fields: { ...mailServer, mailbox: "INBOX" } },
    signInWithEmailAction: { bound: [], fields: { email: "someone@example.com" } },
    // last: every interview it creates is re-planned by each later save of the settings
    createInterviewAction: { bound: [], fields: interview },
  };
}
