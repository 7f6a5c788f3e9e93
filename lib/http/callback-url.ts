// Auth.js refuses a callbackUrl (query parameter or cookie) that is not an http(s)
// URL or a path, but it answers with a 500 and logs a stack. The same rule is
// checked before the request reaches it, so the visitor's mistake is a 400.
const CALLBACK_URL_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url"];

export function isAcceptableCallbackUrl(value: string, baseUrl: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? baseUrl : undefined).protocol);
  } catch {
    return false;
  }
}

function cookieValues(header: string | null, names: string[]): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const pair of header.split(";")) {
    const separator = pair.indexOf("=");
    if (separator === -1) continue;
    const name = pair.slice(0, separator).trim();
    if (!names.includes(name)) continue;
    const raw = pair.slice(separator + 1).trim();
    try {
      values.push(decodeURIComponent(raw));
    } catch {
      values.push(raw);
    }
  }
  return values;
}

export function hasInvalidCallbackUrl(request: Request): boolean {
  const url = new URL(request.url);
  const candidates = [...url.searchParams.getAll("callbackUrl"), ...cookieValues(request.headers.get("cookie"), CALLBACK_URL_COOKIES)];
  return candidates.some((value) => value !== "" && !isAcceptableCallbackUrl(value, url.origin));
}
