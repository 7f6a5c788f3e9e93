// The headers every page answers with (docs/security.md, "In short"). Pure functions of
// their inputs, so proxy.ts stays a few lines and the policy is tested alone.

// 16 random bytes, as the CSP nonce grammar (base64) wants them.
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

// Scripts run only with this response's nonce ('strict-dynamic' lets Next's own
// chunks load the rest). Styles allow inline attributes: the sandboxed email
// preview is rendered HTML mail, which styles every element inline, and a style
// cannot run code. Development adds 'unsafe-eval' for React's debugging tools.
export function buildContentSecurityPolicy({ nonce, isDevelopment }: { nonce: string; isDevelopment: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'self'",
  ];
  return directives.join("; ");
}

export const HSTS_MAX_AGE_SECONDS = 2 * 365 * 24 * 60 * 60;

// Only an https deployment may promise browsers https for two years.
export function strictTransportSecurity(appUrl: string): string | null {
  return new URL(appUrl).protocol === "https:" ? `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains` : null;
}

// Next.js itself checks a server action's Origin against the Host and answers
// 500 when they differ; a cross-site POST is the visitor's error, not ours.
export function isCrossOriginPost({ method, origin, host }: { method: string; origin: string | null; host: string | null }): boolean {
  if (method !== "POST" || origin === null) return false;
  if (origin === "null") return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

const FORM_CONTENT_TYPES = ["multipart/form-data", "application/x-www-form-urlencoded"];

// A copy of a form post's fields, leaving the request's own body to be read:
// null when the request is not a form post, "unreadable" when its body does not
// parse. Forms are small (server actions take at most 6 MB, a data import), so a second parse is cheap.
export async function readFormPostCopy(request: Request): Promise<FormData | "unreadable" | null> {
  if (request.method !== "POST") return null;
  const type = request.headers.get("content-type")?.toLowerCase() ?? "";
  if (!FORM_CONTENT_TYPES.some((formType) => type.startsWith(formType))) return null;
  try {
    return await request.clone().formData();
  } catch {
    return "unreadable";
  }
}

// A form post whose body does not parse makes Next.js answer 500 ("Failed to
// parse body as FormData") and log it; seen first, it is a 400.
export async function isUnreadableFormPost(request: Request): Promise<boolean> {
  return (await readFormPostCopy(request)) === "unreadable";
}
