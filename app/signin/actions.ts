"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/auth";
import type { ActionState } from "@/lib/actions/state";
import { emailSignInSchema } from "@/lib/auth/schemas";

const AFTER_SIGN_IN = "/dashboard";

// Not behind createFormAction: signing in is the one action without a session.
export async function signInWithEmailAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const raw = { email: String(formData.get("email") ?? "") };
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
    if (error instanceof AuthError) {
      console.error("[sign-in] could not send the magic link", error);
      return { status: "error", message: "We could not send the sign-in email. Please try again in a minute.", values: raw };
    }
    throw error; // the redirect to "check your email"
  }
  return { status: "success" };
}

export async function signInWithGoogleAction(): Promise<void> {
  await signIn("google", { redirectTo: AFTER_SIGN_IN });
}
