import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { storeDevOutboxMessage } from "@/lib/mail/dev-outbox";
import { setupTestDatabase } from "@/lib/test/database";
import { captureNavigation } from "@/lib/test/request-context";
import DevOutboxPage from "./page";

// The web server (scripts/web-server.ts) writes the client's address into
// X-Forwarded-For; this stands for the address it settled on.
const request = { clientAddress: null as string | null };

vi.mock("next/headers", () => ({
  headers: async () => new Headers(request.clientAddress ? { "x-forwarded-for": request.clientAddress } : {}),
}));

setupTestDatabase();

const SIGN_IN_LINK = "http://localhost:3000/api/auth/callback/email?token=outbox-secret&email=sam%40example.test";

beforeAll(async () => {
  delete process.env.SMTP_URL;
  await storeDevOutboxMessage({ to: "sam@example.test", subject: "Sign in to Afterview", text: `Sign in: ${SIGN_IN_LINK}` });
});

async function openOutboxFrom(clientAddress: string | null) {
  request.clientAddress = clientAddress;
  const outcome = await captureNavigation(() => DevOutboxPage());
  return outcome.notFound ? "not found" : renderToStaticMarkup(outcome.result as ReactElement);
}

describe("dev outbox page", () => {
  it("shows the sign-in links to this machine, and says it answers no one else", async () => {
    for (const address of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      const html = await openOutboxFrom(address);
      expect(html, address).toContain(SIGN_IN_LINK.replace(/&/g, "&amp;"));
      expect(html).toContain("answers only requests from this machine");
    }
  });

  it("is not found for any other client, or when the client's address is unknown", async () => {
    for (const address of ["203.0.113.7", "10.0.0.5", "2001:db8::1", null]) {
      expect(await openOutboxFrom(address), String(address)).toBe("not found");
    }
  });
});
