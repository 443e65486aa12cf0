import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// Set once in the main process: the workers inherit it and find the server's test CA there.
const dataDir = (process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), "portal-e2e-")));

/** Debian's Chromium: Playwright cannot download its own browser on these machines. */
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
};

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 180_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: ".test-output/e2e.json" }]],
  use: { baseURL, launchOptions, locale: "de-DE", timezoneId: "Europe/Berlin", trace: "retain-on-failure" },
  projects: [
    { name: "desktop-js", use: { ...devices["Desktop Chrome"], launchOptions, locale: "de-DE" } },
    { name: "desktop-nojs", use: { ...devices["Desktop Chrome"], javaScriptEnabled: false, launchOptions, locale: "de-DE" } },
    { name: "pixel-js", use: { ...devices["Pixel 7"], launchOptions, locale: "de-DE" } },
    { name: "pixel-nojs", use: { ...devices["Pixel 7"], javaScriptEnabled: false, launchOptions, locale: "de-DE" } },
  ],
  webServer: {
    command: "node build/server.js",
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      NODE_ENV: "production",
      SECURE_COOKIES: "false",
      // Every project resumes from 127.0.0.1; the default 10 per 15 minutes is for real clients.
      RESUME_ATTEMPTS: "1000",
      SESSION_SECRET: "e2e-session-secret-0123456789abcdef0123456789",
      ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
    },
  },
});
