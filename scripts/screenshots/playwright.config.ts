import { fileURLToPath } from "node:url";
import { defineConfig, devices, type PlaywrightTestConfig } from "@playwright/test";
import base from "../../playwright.config";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

// The docs' screenshots (scripts/screenshots/screenshots.spec.ts): the suite's
// server and browser, this folder's one spec, never part of `npm test`.
export default defineConfig({
  ...base,
  testDir: ".",
  testMatch: "screenshots.spec.ts",
  projects: [
    { name: "phone", grep: /\sphone\s/, use: { ...devices["Pixel 7"], browserName: "chromium", launchOptions: base.use?.launchOptions } },
    { name: "desktop", grep: /\sdesktop\s/, use: { browserName: "chromium", viewport: { width: 1280, height: 800 }, launchOptions: base.use?.launchOptions } },
  ],
  reporter: [["list"]],
  // the server command is written for the repository's root
  webServer: { ...(base.webServer as NonNullable<PlaywrightTestConfig["webServer"]> & object), cwd: ROOT } as PlaywrightTestConfig["webServer"],
});
