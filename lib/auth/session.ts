import "server-only";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/config";

export async function getSessionUserId(): Promise<string | null> {
  const session = await auth();
  return session?.user?.id ?? null;
}

// Pages call this themselves; nothing relies on the proxy for auth.
export async function requireUserId(): Promise<string> {
  const userId = await getSessionUserId();
  if (!userId) redirect("/signin");
  return userId;
}
