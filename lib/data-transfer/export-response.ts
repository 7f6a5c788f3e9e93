import "server-only";
import { getSessionUserId } from "@/lib/auth/session";
import { logError } from "@/lib/log";
import { toByteStream, writeJsonExport, writeVCards, writeZipExport } from "./export-streams";

const EXPORTS = {
  json: { type: "application/json; charset=utf-8", extension: "json", write: writeJsonExport },
  zip: { type: "application/zip", extension: "zip", write: writeZipExport },
  vcf: { type: "text/vcard; charset=utf-8", extension: "vcf", write: writeVCards },
} as const;

export type ExportKind = keyof typeof EXPORTS;

// A failure half-way through cannot change the status any more (it was sent
// with the first bytes): it is logged, and the download ends unfinished.
async function* logFailure<T>(chunks: AsyncIterable<T>, userId: string, kind: ExportKind): AsyncGenerator<T> {
  try {
    yield* chunks;
  } catch (error) {
    logError("export.failed", error, { userId, kind });
    throw error;
  }
}

/** The GET of an export: the session's own data only, as an attachment, never cached. */
export async function respondWithExport(request: Request, kind: ExportKind): Promise<Response> {
  const userId = await getSessionUserId();
  if (!userId) return Response.redirect(new URL("/signin", request.url), 303);
  const now = new Date();
  const { type, extension, write } = EXPORTS[kind];
  const chunks: AsyncIterable<string | Uint8Array> = write({ userId, now });
  const filename = `afterview-${now.toISOString().slice(0, 10)}.${extension}`;
  return new Response(toByteStream(logFailure(chunks, userId, kind)), {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
