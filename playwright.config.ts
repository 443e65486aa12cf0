import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number((process.env.E2E_PORT ??= "3100"));
const baseURL = `http://127.0.0.1:${port}`;
// Set once in the main process: the workers inherit it and find the server's test CA there.
const dataDir = (process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), "portal-e2e-")));
/** `npm run test:full` (a release, not CI): every browser journey in every browser project, with axe on every page. */
const full = process.env.FULL === "1";

/** Debian's Chromium: Playwright cannot download its own browser on these machines. */
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
};

/** A browser project runs the journeys tagged with its name (ADR 0018); all of them in a full run. */
const browserProject = (name: string, device: (typeof devices)[string], javaScriptEnabled: boolean) => ({
  name,
  testMatch: full ? ["e2e/**/*.spec.ts", "full/**/*.spec.ts"] : "e2e/**/*.spec.ts",
  testIgnore: "e2e/catalogue.spec.ts",
  ...(full ? {} : { grep: new RegExp(`@${name}\\b`) }),
  use: { ...device, javaScriptEnabled, launchOptions, locale: "de-DE" },
});

export default defineConfig({
  testDir: "tests",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["json", { outputFile: ".test-output/e2e.json" }]],
  globalSetup: "./tests/e2e/global-setup.ts",
  use: { baseURL, launchOptions, locale: "de-DE", timezoneId: "Europe/Berlin", trace: "on-first-retry" },
  projects: [
    // No browser: journeys and server behaviour over plain HTTP (tests/http).
    { name: "http", testMatch: "http/**/*.spec.ts" },
    // Every declared page, axe-scanned in German and Arabic at 360 px (tests/e2e/catalogue.spec.ts).
    { name: "catalogue", testMatch: "e2e/catalogue.spec.ts", use: { ...devices["Desktop Chrome"], launchOptions, locale: "de-DE" } },
    browserProject("desktop-js", devices["Desktop Chrome"], true),
    browserProject("desktop-nojs", devices["Desktop Chrome"], false),
    browserProject("pixel-js", devices["Pixel 7"], true),
    browserProject("pixel-nojs", devices["Pixel 7"], false),
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
      // Every test resumes from 127.0.0.1; the default 10 per 15 minutes is for real clients.
      RESUME_ATTEMPTS: "1000",
      SESSION_SECRET: "e2e-session-secret-0123456789abcdef0123456789",
      ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
    },
  },
});
