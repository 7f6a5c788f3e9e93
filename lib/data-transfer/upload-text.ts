import { UserFacingError } from "@/lib/errors";

// An upload is read whole (it is at most this big), so the cap is what bounds
// the memory and the time one import takes. The web server's limit for a
// form post (next.config.ts serverActions.bodySizeLimit) sits just above it.
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_LABEL = "5 MB";

export function refuseUpload(message: string): never {
  throw new UserFacingError(message, { file: [message] });
}

const UTF16_BOMS = [
  [0xff, 0xfe],
  [0xfe, 0xff],
];

/**
 * The file's text: UTF-8 only (a byte order mark is dropped). Anything else is
 * refused with what to do about it rather than read as mojibake.
 */
export async function readUploadText(file: File): Promise<string> {
  if (file.size === 0) refuseUpload("The file is empty. Choose the file you exported.");
  if (file.size > MAX_IMPORT_BYTES) refuseUpload(`The file is larger than ${MAX_IMPORT_LABEL}. Split it, or import the opportunities in parts.`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (UTF16_BOMS.some(([a, b]) => bytes[0] === a && bytes[1] === b)) {
    refuseUpload("The file is UTF-16 text. Save it as UTF-8 (in Excel: CSV UTF-8) and choose it again.");
  }
  try {
    // fatal: a byte that is not UTF-8 is an error, not a replacement character
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return refuseUpload("The file is not UTF-8 text (perhaps Windows-1252 or Latin-1). Save it as UTF-8 and choose it again.");
  }
}
