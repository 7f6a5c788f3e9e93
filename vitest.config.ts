import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside React Server Components; tests import the data layer directly.
      "server-only": path.join(root, "lib/test/server-only.ts"),
    },
  },
  test: {
    include: ["{app,components,lib,emails,scripts}/**/*.test.{ts,tsx}"],
    globalSetup: ["lib/test/global-setup.ts"],
    testTimeout: 20_000,
    // Vitest's default on 2 cores is one file at a time, but the slowest files
    // mostly wait (a real SMTP server's delays, worker processes, a 60 s socket
    // timeout): three at once took the run from 417 s to 201 s on 2 cores.
    maxWorkers: 3,
    // next-auth imports "next/server" without an extension; let Vite resolve it.
    server: { deps: { inline: ["next-auth"] } },
    hookTimeout: 60_000,
    env: {
      AUTH_SECRET: "test-secret-that-is-long-enough-for-auth-js-0123456789",
      ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
      APP_URL: "http://localhost:3000",
      AUTH_URL: "http://localhost:3000",
      // the test SMTP and IMAP servers listen on random high ports (lib/net/mail-destination.ts)
      MAIL_ALLOWED_PORTS: "*",
    },
  },
});
