// Where a page sends the user after a detour (the first-run form sends them on
// to the draft they opened). The value comes from the URL, so anyone can craft
// it: only a path on this site is followed, never another origin.
const PLACEHOLDER_ORIGIN = "http://return-path.invalid";
const MAX_RETURN_PATH_LENGTH = 2000;

/** `value` when it is a same-origin relative path ("/drafts/…"), else `fallback`. */
export function toSafeReturnPath(value: string | null | undefined, fallback = "/dashboard"): string {
  if (!value || value.length > MAX_RETURN_PATH_LENGTH) return fallback;
  // "//evil.example" and "/\evil.example" are other origins to a browser; control
  // characters and backslashes have no place in a path of ours.
  if (!value.startsWith("/") || value.startsWith("//") || /[\\\u0000-\u001F\u007F]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
