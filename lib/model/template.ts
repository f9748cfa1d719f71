// Templates are literal text with `{{variable}}` placeholders. Whitespace inside the braces is
// allowed (`{{ caller }}`); a lone `{{` or `}}` is literal text.

export type TemplatePart = { kind: "text"; value: string } | { kind: "variable"; name: string };

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const start = match.index;
    if (start > last) parts.push({ kind: "text", value: template.slice(last, start) });
    parts.push({ kind: "variable", name: match[1] ?? "" });
    last = start + match[0].length;
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
