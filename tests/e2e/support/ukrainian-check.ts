import type { Page } from "playwright-core";
import { expect } from "vitest";
import { englishLeftIn } from "./english-left";

/**
 * English the Ukrainian pages show on purpose, each exact: what a receiver sent, kept as data
 * like a URL. Nothing else is forgiven.
 */
export const RECEIVER_DATA: readonly { text: string; area: string }[] = [
  // An attempt that got an HTTP error shows the status line exactly as the receiver sent it.
  { text: "HTTP 500 Internal Server Error", area: "the receiver's status line" },
];

/** What each check forgave, by page, for the run's summary. */
export const forgiven: Array<{ where: string; text: string }> = [];

/**
 * The page speaks Ukrainian: its text, labels and tooltips hold no two English words in a row
 * outside `userText` (what the admin typed, what the call carried) and the listed leftovers.
 */
export async function expectUkrainian(page: Page, where: string, userText: readonly string[]) {
  expect.soft(await page.locator("html").getAttribute("lang")).toBe("uk");
  const leftovers = RECEIVER_DATA.map((entry) => entry.text);
  const strict = await englishLeftIn(page, [...userText, ...leftovers], { attributes: true });
  // Soft: one run lists every page that still has English.
  expect.soft({ where, english: strict }).toEqual({ where, english: [] });
  const text = await page.content();
  for (const leftover of leftovers) {
    if (text.includes(leftover)) forgiven.push({ where, text: leftover });
  }
}
