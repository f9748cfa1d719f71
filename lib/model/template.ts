// Templates are literal text with `{{variable}}` placeholders. Whitespace inside the braces is
// allowed (`{{ caller }}`); a lone `{{` or `}}` is literal text.

export type TemplatePart = { kind: "text"; value: string } | { kind: "variable"; name: string };

/** One `{{…}}` in a template: where it stands, its exact text and the variable it names. */
export type Placeholder = { start: number; end: number; name: string };

/**
 * Finds the placeholders in one left-to-right pass. A placeholder is `{{`, at least one
 * character that is not a brace, then `}}`; its name is what stands between, trimmed. A scanner
 * rather than a regular expression: the equivalent pattern (`\{\{\s*([^{}]+?)\s*\}\}`)
 * backtracks on `{{` followed by a long run of spaces without `}}`, and a 64 KiB template of
 * that shape froze the event loop for seconds. Each character is looked at a bounded number of
 * times here, so any template is parsed in linear time.
 */
export function findPlaceholders(template: string): Placeholder[] {
  const found: Placeholder[] = [];
  let from = 0;
  for (;;) {
    const start = template.indexOf("{{", from);
    if (start === -1) return found;
    let end = start + 2;
    while (end < template.length && template[end] !== "{" && template[end] !== "}") end += 1;
    if (end > start + 2 && template.startsWith("}}", end)) {
      const inner = template.slice(start + 2, end);
      // All whitespace still names something (a blank name), so validation can point at it.
      const name = inner.trim() || inner.slice(-1);
      found.push({ start, end: end + 2, name });
      from = end + 2;
    } else {
      // `{{{a}}`: the placeholder may start one brace later.
      from = start + 1;
    }
  }
}

export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const { start, end, name } of findPlaceholders(template)) {
    if (start > last) parts.push({ kind: "text", value: template.slice(last, start) });
    parts.push({ kind: "variable", name });
    last = end;
  }
  if (last < template.length) parts.push({ kind: "text", value: template.slice(last) });
  return parts;
}

export function templateVariables(template: string): string[] {
  return parseTemplate(template).flatMap((p) => (p.kind === "variable" ? [p.name] : []));
}

/** The variable name when the whole template is exactly one placeholder, else null. */
export function singlePlaceholder(template: string): string | null {
  const parts = parseTemplate(template);
  return parts.length === 1 && parts[0]?.kind === "variable" ? parts[0].name : null;
}
