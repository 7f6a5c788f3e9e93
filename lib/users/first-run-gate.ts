import "server-only";
import { redirect } from "next/navigation";
import { needsFirstRunDetails } from "./first-run";
import { getUserSettings } from "./settings";

/** A page that writes a draft calls this first: without a name and a way to reach them, the user is asked once. */
export async function askFirstRunDetails({ userId, returnTo }: { userId: string; returnTo: string }): Promise<void> {
  if (needsFirstRunDetails(await getUserSettings({ userId }))) redirect(`/welcome?next=${encodeURIComponent(returnTo)}`);
}
