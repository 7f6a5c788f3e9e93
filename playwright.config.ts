import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://localhost:${PORT}`;
// One data directory per port, so two runs on different ports never wipe each
// other's database; the fixtures read the same variable (set here for the workers).
const DATA_DIR = process.env.E2E_DATA_DIR ?? `.data/e2e-${PORT}`;
process.env.E2E_DATA_DIR = DATA_DIR;
const LAUNCH_OPTIONS = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
};

// Runs against the production build (`npm start` builds when sources changed)
// on its own embedded database under DATA_DIR, in Debian's Chromium.
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
    launchOptions: LAUNCH_OPTIONS,
  },
  projects: [
    { name: "chromium", use: { browserName: "chromium" }, testIgnore: /phone\.spec\.ts/ },
    // phone first: every spec again at a phone's size, and phone.spec.ts's fit and tap checks
    { name: "phone", use: { ...devices["Pixel 7"], browserName: "chromium", launchOptions: LAUNCH_OPTIONS } },
  ],
  webServer: {
    command: `rm -rf ${DATA_DIR} && node --import tsx scripts/serve.ts`,
    url: `${BASE_URL}/signin`,
    // the specs' SMTP server listens on loopback at a random port: a production server refuses both unless told
    env: { PORT: String(PORT), AFTERVIEW_DATA_DIR: DATA_DIR, DATABASE_URL: "", SMTP_URL: "", MAIL_ALLOWED_PORTS: "*", MAIL_ALLOW_PRIVATE_HOSTS: "1" },
    // the first start builds the app: about 3 minutes on 2 quiet cores, more on a busy machine
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
  },
});
