import { z } from "zod";
import { isLoopbackAddress } from "../http/client-address";

// What scripts/serve.ts and scripts/web-server.ts bind to when HOST is unset.
const DEFAULT_HOST = "127.0.0.1";

// How many reverse proxies stand in front of the app (README, Configuration).
export const MAX_TRUSTED_PROXIES = 10;
export const trustedProxiesSchema = z
  .string()
  .regex(/^\d+$/, `TRUSTED_PROXIES must be a whole number from 0 to ${MAX_TRUSTED_PROXIES}`)
  .transform(Number)
  .pipe(z.number().max(MAX_TRUSTED_PROXIES, `TRUSTED_PROXIES must be a whole number from 0 to ${MAX_TRUSTED_PROXIES}`));

const exposureEnvSchema = z.object({
  HOST: z.string().trim().default(DEFAULT_HOST),
  SMTP_URL: z.string().optional(),
  TRUSTED_PROXIES: trustedProxiesSchema.default(0),
  ALLOW_DEV_OUTBOX: z.stringbool().default(false),
});

function isLoopbackHost(host: string): boolean {
  return host.toLowerCase() === "localhost" || isLoopbackAddress(host);
}

/**
 * Without SMTP_URL every sign-in link lands in the dev outbox. The page answers
 * only this machine, but a production server that others can reach (HOST not a
 * loopback address, or a proxy forwarding their requests) is refused at start:
 * nobody could sign in, and one mistake in front of the page would hand out
 * every account. Returns why the server must not start, or null.
 */
export function findDevOutboxExposure({
  isProduction,
  env,
}: {
  isProduction: boolean;
  env: Record<string, string | undefined>;
}): string | null {
  const parsed = exposureEnvSchema.safeParse({
    HOST: env.HOST || undefined,
    SMTP_URL: env.SMTP_URL || undefined,
    TRUSTED_PROXIES: env.TRUSTED_PROXIES || undefined,
    ALLOW_DEV_OUTBOX: env.ALLOW_DEV_OUTBOX || undefined,
  });
  if (!parsed.success) {
    return `Invalid environment: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`;
  }
  const { HOST, SMTP_URL, TRUSTED_PROXIES, ALLOW_DEV_OUTBOX } = parsed.data;
  if (!isProduction || SMTP_URL || ALLOW_DEV_OUTBOX) return null;
  const reachedBy = [
    ...(isLoopbackHost(HOST) ? [] : [`HOST=${HOST} lets other machines connect`]),
    ...(TRUSTED_PROXIES > 0 ? [`TRUSTED_PROXIES=${TRUSTED_PROXIES} says a proxy forwards other machines' requests`] : []),
  ];
  if (reachedBy.length === 0) return null;
  return (
    `No SMTP_URL, so sign-in links would go to the dev outbox, yet ${reachedBy.join(" and ")}. ` +
    "Set SMTP_URL to your mail server (smtp://user:password@mail.example.com:587), " +
    "or HOST=127.0.0.1 without a proxy to keep the app on this machine, " +
    "or ALLOW_DEV_OUTBOX=1 to start anyway (the dev outbox still answers only requests from this machine)."
  );
}
