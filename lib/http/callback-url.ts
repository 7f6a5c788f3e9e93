import { readFormPostCopy } from "./security-headers";

// Auth.js refuses a callbackUrl (query parameter, cookie or form field) that is
// not an http(s) URL or a path, but it answers with a 500 (or its "Configuration"
// error page) and logs a stack. The same rule is checked before the request
// reaches it, so the visitor's mistake is a 400.
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

// A POST carries callbackUrl in its form body too (sign-in, sign-out); a copy is read.
async function formCallbackUrls(request: Request): Promise<string[]> {
  const form = await readFormPostCopy(request);
  if (form === null) return [];
  if (form === "unreadable") return ["\u0000"];
  return form.getAll("callbackUrl").map((value) => (typeof value === "string" ? value : "\u0000"));
}

export async function hasInvalidCallbackUrl(request: Request): Promise<boolean> {
  const url = new URL(request.url);
  const candidates = [
    ...url.searchParams.getAll("callbackUrl"),
    ...cookieValues(request.headers.get("cookie"), CALLBACK_URL_COOKIES),
    ...(await formCallbackUrls(request)),
  ];
  return candidates.some((value) => value !== "" && !isAcceptableCallbackUrl(value, url.origin));
}

// Auth.js's error page puts ?error= into a redirect header: CR LF there throws, a 500.
const ERROR_CODE = /^[A-Za-z]{1,40}$/;
const PROVIDER_ACTIONS = new Set(["signin", "callback"]);

// What Auth.js would answer with its "Configuration" error (an unknown provider,
// an error code that cannot go in a header) is the visitor's mistake: 404 or 400.
export async function findAuthRequestProblem(request: Request, providerIds: readonly string[]): Promise<{ status: 400 | 404; message: string } | null> {
  const url = new URL(request.url);
  const [action, provider] = url.pathname.replace(/^.*?\/api\/auth\/?/, "").split("/");
  if (action && PROVIDER_ACTIONS.has(action) && provider && !providerIds.includes(provider)) {
    return { status: 404, message: "Unknown sign-in method" };
  }
  const errorCode = url.searchParams.get("error");
  if (action === "error" && errorCode !== null && !ERROR_CODE.test(errorCode)) return { status: 400, message: "Invalid error code" };
  if (await hasInvalidCallbackUrl(request)) return { status: 400, message: "Invalid callback URL" };
  return null;
}
