import "server-only";
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/errors";

// Pages: a row that does not exist or is not the user's renders the 404 page.
export async function orNotFound<T>(lookup: Promise<T>): Promise<T> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
