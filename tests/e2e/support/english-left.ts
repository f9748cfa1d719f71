import type { Page } from "playwright-core";
import en from "@/messages/en.json";

// Words that stay in Latin letters in the Ukrainian interface: product names, protocols, units.
const ALLOWED_LATIN =
  /\b(Google Analytics|Measurement Protocol|Standard Webhooks|JSON-RPC|API|CSV|URL|HTTP|DNS|TLS|UTM|CRM|BI|ID|OK|GET|POST|PUT|PATCH|DELETE)\b/g;

// Monospace is data: URLs, ids, header names, the call's fields as the platform sent them.
const DATA_SELECTOR = 'code, pre, script, style, .font-mono, select[name="timeZone"]';

/**
 * What the page says, shown or for screen readers: its visible text nodes and, with
 * `attributes`, the labels a screen reader or a hover reads (aria-label, title, placeholder, alt),
 * outside monospace data.
 */
async function pageText(page: Page, attributes: boolean): Promise<string> {
  return page.evaluate(
    ({ skip, withAttributes }) => {
      const parts: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest(skip) || !parent.checkVisibility()) continue;
        parts.push(node.textContent ?? "");
      }
      if (withAttributes) {
        const named = document.body.querySelectorAll("[aria-label], [title], [placeholder], [alt]");
        for (const element of named) {
          if (element.closest(skip) || !element.checkVisibility()) continue;
          for (const name of ["aria-label", "title", "placeholder", "alt"]) {
            const value = element.getAttribute(name);
            if (value) parts.push(value);
          }
        }
      }
      return parts.join("\n");
    },
    { skip: DATA_SELECTOR, withAttributes: attributes },
  );
}

/**
 * Two English words in a row in the page's text, outside what the user typed or the platform
 * sent (`userText`: names, e-mails, call data), URLs, e-mail addresses and monospace data.
 */
export async function englishLeftIn(
  page: Page,
  userText: readonly string[],
  options: { attributes?: boolean } = {},
): Promise<string[]> {
  let text = await pageText(page, options.attributes ?? false);
  // Longest first, so a name that contains another is removed whole.
  for (const own of [...userText].sort((a, b) => b.length - a.length)) {
    if (own) text = text.split(own).join("\n");
  }
  text = text
    .replace(/\S+:\/\/\S+/g, " ")
    .replace(/\S+@\S+/g, " ")
    .replace(ALLOWED_LATIN, " ");
  return [...text.matchAll(/\b[A-Za-z]{2,}[ ,.:]+[A-Za-z]{2,}\b/g)].map((m) => m[0]);
}

const NAMESPACES = Object.keys(en).join("|");

/**
 * Message keys shown instead of messages (`wizard.title`): next-intl prints the key's path when
 * a catalog lacks it. Any language; checks labels too.
 */
export async function rawKeysIn(page: Page): Promise<string[]> {
  const text = await pageText(page, true);
  return [...text.matchAll(new RegExp(`\\b(?:${NAMESPACES})(?:\\.[A-Za-z0-9_]+)+\\b`, "g"))].map(
    (m) => m[0],
  );
}
