import { vi } from "vitest";

// Server actions run inside a Next.js request. Tests provide that boundary
// (the request headers, the cache invalidation hook) and nothing else: the
// session is a real Auth.js database session, read by the real auth().
export const requestContext = { cookie: "" };

export function signInAs(sessionToken: string | null): void {
  requestContext.cookie = sessionToken ? `authjs.session-token=${sessionToken}` : "";
}

function requestCookies(): { name: string; value: string }[] {
  return requestContext.cookie
    .split(";")
    .filter((pair) => pair.includes("="))
    .map((pair) => {
      const [name, ...value] = pair.trim().split("=");
      return { name: name!, value: value.join("=") };
    });
}

export function nextHeadersModule() {
  return {
    headers: async () =>
      new Headers({ host: "localhost:3000", "x-forwarded-proto": "http", cookie: requestContext.cookie }),
    cookies: async () => ({
      get: (name: string) => requestCookies().find((cookie) => cookie.name === name),
      getAll: () => requestCookies(),
      set: () => {},
      delete: () => {},
      has: (name: string) => requestCookies().some((cookie) => cookie.name === name),
    }),
  };
}

// What the actions asked Next to refresh since the last take, so a test can
// check that a change reaches the pages that show it, and that a refused
// input refreshes nothing.
const revalidatedPaths: string[] = [];

export function takeRevalidatedPaths(): string[] {
  return revalidatedPaths.splice(0);
}

export function nextCacheModule() {
  return {
    revalidatePath: vi.fn((path: string) => {
      revalidatedPaths.push(path);
    }),
    revalidateTag: vi.fn(),
  };
}

// redirect() and notFound() throw errors whose digest says what happened.
export async function captureNavigation(run: () => Promise<unknown>): Promise<{ redirect?: string; notFound?: boolean; result?: unknown }> {
  try {
    return { result: await run() };
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return { redirect: digest.split(";")[2] };
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return { notFound: true };
    throw error;
  }
}

/** A form post as the browser sends it: one field per name. */
export function formData(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.append(name, value);
  return data;
}
