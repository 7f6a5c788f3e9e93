// The web process: Next.js behind a plain Node HTTP server, so that the one
// thing Next.js cannot tell us safely, who the client is, is decided here from
// the socket. `next start` only fills X-Forwarded-For when the client did not
// send one, so any visitor could choose the address that rate limits and the
// dev outbox see. Here the header is always overwritten (lib/http/client-address.ts).
import { createServer } from "node:http";
import next from "next";
import { findDevOutboxExposure, trustedProxiesSchema } from "../lib/config/dev-outbox";
import { settleClientHeaders } from "../lib/http/client-address";

const SHUTDOWN_GRACE_MS = 10_000;

function readTrustedProxies(): number {
  const parsed = trustedProxiesSchema.safeParse(process.env.TRUSTED_PROXIES || "0");
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "Invalid TRUSTED_PROXIES");
  return parsed.data;
}

async function main(): Promise<void> {
  const isDev = process.argv.includes("--dev");
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOST ?? "127.0.0.1";
  const trustedProxies = readTrustedProxies();
  // also when started on its own rather than through scripts/serve.ts
  const exposure = findDevOutboxExposure({ isProduction: !isDev, env: process.env });
  if (exposure) throw new Error(exposure);
  const app = next({ dev: isDev, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((request, response) => {
    settleClientHeaders(request, trustedProxies);
    void handle(request, response);
  });
  server.listen(port, hostname, () => {
    console.log(`✓ Ready on http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error("[web] could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
