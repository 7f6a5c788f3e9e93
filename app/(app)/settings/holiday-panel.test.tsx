import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { setupTestDatabase } from "@/lib/test/database";
import { createTestUser } from "@/lib/test/factories";
import { nextCacheModule, nextHeadersModule } from "@/lib/test/request-context";
import { HolidayPanel } from "./holiday-panel";

vi.mock("next/headers", () => nextHeadersModule());
vi.mock("next/cache", () => nextCacheModule());

setupTestDatabase();

async function renderPanel(userId: string): Promise<string> {
  return renderToStaticMarkup(await HolidayPanel({ userId }));
}

function selectedOption(html: string, name: string): string | undefined {
  const select = html.match(new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`))?.[1];
  return select?.match(/<option[^>]*selected=""[^>]*>([^<]*)<\/option>/)?.[1];
}

describe('docs/rules.md "Public holidays": the Settings panel', () => {
  it("shows an existing user's None as None (the browser's suggestion comes only in the browser), with no region select", async () => {
    const user = await createTestUser();
    const html = await renderPanel(user.id);
    expect(html).toContain("Public holidays");
    expect(selectedOption(html, "holidayCountry")).toBe("None (weekends only)");
    expect(html).not.toContain('name="holidayRegion"');
  });

  it("shows a saved country and its state, with the other states to choose from (by their own names, as date-holidays gives them)", async () => {
    const user = await createTestUser({ holidayCountry: "DE", holidayRegion: "BY" });
    const html = await renderPanel(user.id);
    expect(selectedOption(html, "holidayCountry")).toBe("Germany");
    expect(selectedOption(html, "holidayRegion")).toBe("Bayern");
    expect(html).toContain("Whole country (national holidays only)");
    expect(html).toContain(">Sachsen</option>");
  });
});
