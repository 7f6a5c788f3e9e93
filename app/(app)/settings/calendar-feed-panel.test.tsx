import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { CalendarFeedPanel } from "./calendar-feed-panel";

vi.mock("./calendar-actions", () => ({ rotateFeedAction: async () => ({ status: "idle" }), revokeFeedAction: async () => ({ status: "idle" }) }));

function text(html: string): string {
  return html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
}

describe("CalendarFeedPanel: Google Calendar and Outlook.com cannot subscribe to a localhost address", () => {
  it("says so, and that Apple Calendar on this computer can, when the app runs at a local-only address", () => {
    const html = text(renderToStaticMarkup(<CalendarFeedPanel activeSince={null} isReachableByWebCalendars={false} appHost="localhost:3000" />));
    expect(html).toContain("Afterview runs at localhost:3000");
    expect(html).toContain("which only this computer or your network can reach.");
    expect(html).toContain("Google Calendar and Outlook.com fetch feeds from their own servers, so they cannot subscribe to it.");
    expect(html).toContain("Apple Calendar, or another calendar app on this computer, can.");
  });

  it("says nothing about it at a public address", () => {
    const html = renderToStaticMarkup(<CalendarFeedPanel activeSince={null} isReachableByWebCalendars appHost="afterview.example.com" />);
    expect(html).not.toContain("cannot subscribe");
    expect(html).toContain("Create my feed address");
  });
});
