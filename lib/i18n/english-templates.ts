import type { TextValues } from "./catalog-text";

const PLACEHOLDER = /\{(\w+)\}/g;

/** "connection refused by {endpoint}" with { endpoint: "127.0.0.1:9" } → the sentence. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => String(values[name] ?? whole));
}

const patterns = new Map<string, { pattern: RegExp; names: string[] }>();

function patternOf(template: string) {
  let known = patterns.get(template);
  if (!known) {
    const names = [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? "");
    const literal = template
      .split(PLACEHOLDER)
      .map((part, index) =>
        index % 2 === 1 ? "(.+?)" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
      );
    known = { pattern: new RegExp(`^${literal.join("")}$`, "s"), names };
    patterns.set(template, known);
  }
  return known;
}

/**
 * The values a sentence made by fillTemplate was filled with, or null when it is not of that
 * template. Whole numbers come back as numbers, so plural forms can take them.
 */
export function matchTemplate(template: string, text: string): TextValues | null {
  const { pattern, names } = patternOf(template);
  const match = pattern.exec(text);
  if (!match) return null;
  return Object.fromEntries(
    names.map((name, index) => {
      const value = match[index + 1] ?? "";
      return [name, /^\d{1,15}$/.test(value) ? Number(value) : value];
    }),
  );
}

/**
 * The first template of a table a stored sentence was made from, as a catalog key and values:
 * sentences the server stored in English (the API's words) read in the interface language.
 */
export function matchTemplates<K extends string>(
  templates: Record<K, string>,
  text: string,
): { key: K; values: TextValues } | null {
  for (const key of Object.keys(templates) as K[]) {
    const values = matchTemplate(templates[key], text);
    if (values) return { key, values };
  }
  return null;
}
