import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { saveGoogleSetting } from "@/lib/google/connection";
import { createUserWithGoogleAccount, setupFakeGoogle } from "@/lib/test/google-fixtures";
import { setupTestDatabase } from "@/lib/test/database";
import { createTestUser } from "@/lib/test/factories";
import { nextCacheModule, nextHeadersModule } from "@/lib/test/request-context";
import { GooglePanel } from "./google-panel";

vi.mock("next/headers", () => nextHeadersModule());
vi.mock("next/cache", () => nextCacheModule());

setupTestDatabase();
setupFakeGoogle();

const NOW = new Date("2026-11-18T08:00:00Z");

async function renderPanel(userId: string): Promise<string> {
  const element = await GooglePanel({ userId, timeZone: "Europe/Berlin" });
  return element ? renderToStaticMarkup(element) : "";
}

function text(html: string): string {
  return html.replace(/<[^>]+>/g, " ").replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, " ");
}

describe("GooglePanel", () => {
  it("shows the account, what Google granted, the restricted-scope note, and a way to ask for a missing permission", async () => {
    const user = await createUserWithGoogleAccount({
      accessToken: "a",
      refreshToken: "r",
      expiresAt: NOW.getTime() / 1000 + 3600,
      scope: "openid email profile https://www.googleapis.com/auth/gmail.send",
      googleEmail: "sam.lee@gmail.example",
    });
    await saveGoogleSetting({ userId: user.id, values: { calendarPush: true }, now: NOW });

    const shown = text(await renderPanel(user.id));

    expect(shown).toContain("Connected as sam.lee@gmail.example");
    expect(shown).toContain("Send with Gmail: On");
    expect(shown).toContain("Google permission gmail.send : granted");
    expect(shown).toContain("Read replies with Gmail: Off");
    expect(shown).toContain("gmail.readonly is a restricted Google scope");
    expect(shown).toContain("Push follow-ups to Google Calendar: On, waiting for your permission in Google");
    expect(shown).toContain("Allow in Google: Push follow-ups to Google Calendar");
    expect(shown).not.toContain("Reconnect Google");
  });

  it("asks to reconnect when Google refused the grant", async () => {
    const user = await createUserWithGoogleAccount({ accessToken: "a", refreshToken: "r", expiresAt: 0 });
    await saveGoogleSetting({ userId: user.id, values: { brokenAt: NOW, lastError: "Reconnect Google" }, now: NOW });

    const html = await renderPanel(user.id);

    expect(html).toContain('role="alert"');
    expect(text(html)).toMatch(/Since Wed 18 Nov 2026, 09:00, Google refuses Afterview's access.*Reconnect Google/);
  });

  it("offers to connect Google to an account without one", async () => {
    const user = await createTestUser();

    expect(text(await renderPanel(user.id))).toContain("Connect Google");
  });
});
