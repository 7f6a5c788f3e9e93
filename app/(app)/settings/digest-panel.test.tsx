import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { setupTestDatabase } from "@/lib/test/database";
import { createTestUser } from "@/lib/test/factories";
import { nextCacheModule, nextHeadersModule } from "@/lib/test/request-context";
import { DigestPanel } from "./digest-panel";

vi.mock("next/headers", () => nextHeadersModule());
vi.mock("next/cache", () => nextCacheModule());

setupTestDatabase();

async function renderPanel(userId: string): Promise<string> {
  return renderToStaticMarkup(await DigestPanel({ userId, timeZone: "Asia/Kolkata" }));
}

// the checkbox named `name` (with `value`), whatever order React writes its attributes in
function isChecked(html: string, name: string, value?: string): boolean {
  const tag = (html.match(/<input [^>]*>/g) ?? []).find((input) => input.includes(`name="${name}"`) && (!value || input.includes(`value="${value}"`)));
  if (!tag) throw new Error(`no checkbox ${name} ${value ?? ""}`);
  return tag.includes('checked=""');
}

describe('docs/rules.md "Morning digest": the Settings panel', () => {
  it("shows an existing user's digest off, at 08:00, Monday to Friday ticked, in the user's zone", async () => {
    const user = await createTestUser();
    const html = await renderPanel(user.id);
    expect(html).toContain("Morning digest");
    expect(html).toContain("Times are in Asia/Kolkata.");
    expect(isChecked(html, "digestEnabled")).toBe(false);
    expect(html).toMatch(/<option value="8" selected="">08:00<\/option>/);
    expect(["1", "2", "3", "4", "5"].every((day) => isChecked(html, "digestWeekdays", day))).toBe(true);
    expect(["6", "7"].some((day) => isChecked(html, "digestWeekdays", day))).toBe(false);
    expect(isChecked(html, "digestWeeklyIdle")).toBe(false);
  });

  it("shows what was saved, and says there is nowhere to send when the account has no email", async () => {
    const user = await createTestUser({ digestEnabled: true, digestHour: 6, digestWeekdays: [6, 7], digestWeeklyIdle: true });
    const html = await renderPanel(user.id);
    expect(isChecked(html, "digestEnabled")).toBe(true);
    expect(html).toMatch(/<option value="6" selected="">06:00<\/option>/);
    expect(isChecked(html, "digestWeekdays", "7")).toBe(true);
    expect(isChecked(html, "digestWeekdays", "1")).toBe(false);
    expect(isChecked(html, "digestWeeklyIdle")).toBe(true);
    const noEmail = await createTestUser({ email: null });
    expect(await renderPanel(noEmail.id)).toContain("Your account has no email address");
  });
});
