// What the catalog tests read: a message's ICU arguments, and the source files that name keys.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";

/**
 * The ICU arguments of a message (a select's or plural's argument counts as one), sorted; with
 * `tags`, its rich-text tags too, as `<b>`.
 */
export function messageArguments(message: string, options: { tags?: boolean } = {}): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if ("value" in element && element.type !== TYPE.literal && element.type !== TYPE.tag) {
        names.add(String(element.value));
      }
      if (element.type === TYPE.tag) {
        if (options.tags) names.add(`<${element.value}>`);
        walk(element.children);
      }
      if (element.type === TYPE.select || element.type === TYPE.plural) {
        for (const option of Object.values(element.options)) walk(option.value);
      }
    }
  };
  walk(parse(message));
  return [...names].sort();
}

/** Every .ts and .tsx file under `dir`, generated code and node_modules left out. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}
