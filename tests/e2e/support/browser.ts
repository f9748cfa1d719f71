import { mkdirSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { inject } from "vitest";

// Without the background-networking flags Chromium keeps trying to reach Google's services,
// which this closed network only answers with failures. No --user-data-dir: launch() makes a
// fresh profile per browser.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const VIEWPORT = { width: 1280, height: 800 };

export const SCREENSHOT_DIR = path.resolve(process.cwd(), "test-results");

/**
 * Where the README's screenshots go: docs/ when a run is meant to refresh them
 * (`UPDATE_DOCS=1 npm run test:e2e`), else beside the other test screenshots, so an ordinary
 * test run leaves the tracked files alone.
 */
export const DOCS_DIR =
  process.env.UPDATE_DOCS === "1"
    ? path.resolve(process.cwd(), "docs")
    : path.join(SCREENSHOT_DIR, "docs");
mkdirSync(DOCS_DIR, { recursive: true });

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
}

/** A page in its own context (fresh cookies), resolving relative `goto` paths on the app. */
export async function newPage(browser: Browser, baseURL = inject("baseURL")): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: VIEWPORT });
  return context.newPage();
}

/** Saves a full-page PNG as test-results/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, "-")}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
