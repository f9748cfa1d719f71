import type { Page } from "playwright-core";
import { expect } from "vitest";
import { englishLeftIn } from "./english-left";

/**
 * English still on the Ukrainian pages because it comes from parts translated elsewhere, each
 * exact: the server's messages and the worker's attempt errors. Nothing else is forgiven, and a
 * text listed here that a page no longer shows is reported so the list can shrink.
 */
export const NOT_YET_TRANSLATED: readonly { text: string; area: string }[] = [
  // The worker's error for an HTTP status: the status line as the receiver sent it.
  { text: "HTTP 500 Internal Server Error", area: "worker attempt errors" },
  // lib/auth/invites.ts, shown on the invite page as the reason a link cannot be used.
  { text: "This invite link is not valid", area: "server messages" },
];

/** What each check forgave, by page, for the run's summary. */
export const forgiven: Array<{ where: string; text: string }> = [];

/**
 * The page speaks Ukrainian: its text, labels and tooltips hold no two English words in a row
 * outside `userText` (what the admin typed, what the call carried) and the listed leftovers.
 */
export async function expectUkrainian(page: Page, where: string, userText: readonly string[]) {
  expect.soft(await page.locator("html").getAttribute("lang")).toBe("uk");
  const leftovers = NOT_YET_TRANSLATED.map((entry) => entry.text);
  const strict = await englishLeftIn(page, [...userText, ...leftovers], { attributes: true });
  // Soft: one run lists every page that still has English.
  expect.soft({ where, english: strict }).toEqual({ where, english: [] });
  const text = await page.content();
  for (const leftover of leftovers) {
    if (text.includes(leftover)) forgiven.push({ where, text: leftover });
  }
}
