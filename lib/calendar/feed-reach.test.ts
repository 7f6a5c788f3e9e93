import { describe, expect, it } from "vitest";
import { isFeedReachableByWebCalendars } from "./feed-reach";

describe("isFeedReachableByWebCalendars: Google Calendar and Outlook.com cannot subscribe to an address only this machine or network reaches", () => {
  it.each([
    "http://localhost:3000",
    "http://LOCALHOST:3000",
    "http://app.localhost:3000",
    "http://127.0.0.1:3000",
    "http://127.8.9.10",
    "http://[::1]:3000",
    "http://[::ffff:127.0.0.1]:3000",
    "http://0.0.0.0:3000",
    "http://10.1.2.3",
    "http://172.20.0.5:3000",
    "http://192.168.1.20:3000",
    "http://169.254.10.10",
    "http://100.100.1.1",
    "http://[fd12:3456::1]",
    "http://[fe80::1]",
    "http://afterview.local",
    "http://nas.home.arpa",
    "http://afterview.internal",
    "http://afterview",
    "http://afterview.local.",
    "not a url",
  ])("%s is not reachable by web calendars", (appUrl) => {
    expect(isFeedReachableByWebCalendars(appUrl)).toBe(false);
  });

  it.each([
    "https://afterview.example.com",
    "https://app.afterview.io:8443",
    "http://203.0.113.7",
    "http://172.32.0.1",
    "http://[2001:db8::1]",
    "https://localhost.example.com",
  ])("%s is reachable by web calendars", (appUrl) => {
    expect(isFeedReachableByWebCalendars(appUrl)).toBe(true);
  });
});
