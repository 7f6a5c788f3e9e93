"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/auth";
import type { ActionState } from "@/lib/actions/state";
import { emailSignInSchema } from "@/lib/auth/schemas";
import { logError } from "@/lib/log";
import { findSignInLinkLimitError, type SignInLinkLimitError } from "@/lib/auth/sign-in-limits";

const AFTER_SIGN_IN = "/dashboard";

function describeLimit({ scope, retryAfterSeconds }: SignInLinkLimitError): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const wait = `Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
  return scope === "address"
    ? `Too many sign-in links were requested for this address. ${wait}`
    : `Too many sign-in links were requested from your network. ${wait}`;
}

// Not behind createFormAction: signing in is the one action without a session.
export async function signInWithEmailAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  // an action's arguments are whatever the caller encoded, not always a form
  if (!(formData instanceof FormData)) return { status: "error", message: "This form could not be read. Reload the page and try again." };
  const email = formData.get("email");
  const raw = { email: typeof email === "string" ? email : "" };
  const parsed = emailSignInSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      status: "error",
      fieldErrors: { email: parsed.error.issues.map((issue) => issue.message) },
      values: raw,
    };
  }
  try {
    await signIn("email", { email: parsed.data.email, redirectTo: AFTER_SIGN_IN });
  } catch (error) {
    const limit = findSignInLinkLimitError(error);
    if (limit) return { status: "error", message: describeLimit(limit), values: raw };
    if (error instanceof AuthError) {
      logError("sign_in.magic_link_not_sent", error);
      return { status: "error", message: "We could not send the sign-in email. Please try again in a minute.", values: raw };
    }
    throw error; // the redirect to "check your email"
  }
  return { status: "success" };
}

export async function signInWithGoogleAction(): Promise<void> {
  await signIn("google", { redirectTo: AFTER_SIGN_IN });
}
