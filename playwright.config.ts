import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://localhost:${PORT}`;

// Runs against the production build (`npm start` builds when sources changed)
// on its own embedded database under .data/e2e, in Debian's Chromium.
export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  // the longest user flows visit six pages with an axe check each; on a busy 2-core CI machine 30 s was too tight
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: "rm -rf .data/e2e && node --import tsx scripts/serve.ts",
    url: `${BASE_URL}/signin`,
    // the specs' SMTP server listens on loopback at a random port: a production server refuses both unless told
    env: { PORT: String(PORT), AFTERVIEW_DATA_DIR: ".data/e2e", DATABASE_URL: "", SMTP_URL: "", MAIL_ALLOWED_PORTS: "*", MAIL_ALLOW_PRIVATE_HOSTS: "1" },
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
  },
});
