"use client";

import { useTranslations } from "next-intl";

/** Leaves of a field path that have a name of their own; any other leaf is shown as it is. */
const NAMED_PARTS = [
  "url",
  "rpcMethod",
  "timeoutMs",
  "name",
  "value",
  "body",
  "method",
  "format",
] as const;
type NamedPart = (typeof NAMED_PARTS)[number];

function isNamedPart(part: string): part is NamedPart {
  return (NAMED_PARTS as readonly string[]).includes(part);
}

/**
 * A field path as the admin reads it, in the interface language:
 * `requests[1].params[2].fields[0].name` → "Request 2 · parameter 3.1 name". Used where a
 * message cannot sit next to its field (toasts, the preview, the missing-variables notice).
 */
export function useFieldPathText() {
  const t = useTranslations("fieldPath");
  return (path: string): string => {
    const parts = path
      .replace(/\[(\d+)\]/g, ".$1")
      .split(".")
      .filter(Boolean);
    const out: string[] = [];
    let param: number[] | null = null;
    const flush = () => {
      if (param) out.push(t("parameter", { number: param.join(".") }));
      param = null;
    };
    for (let i = 0; i < parts.length; i += 1) {
      const part = parts[i] ?? "";
      const next = Number(parts[i + 1]);
      if (part === "request") continue;
      if (part === "requests" && Number.isInteger(next)) {
        out.push(t("request", { number: next + 1 }));
        i += 1;
      } else if ((part === "params" || part === "fields") && Number.isInteger(next)) {
        param = [...(param ?? []), next + 1];
        i += 1;
      } else if (part === "items" && Number.isInteger(next)) {
        flush();
        out.push(t("item", { number: next + 1 }));
        // A text item's form field is `items.N.value`: the item is the field.
        i += parts[i + 2] === "value" ? 2 : 1;
      } else if (part === "headers" && Number.isInteger(next)) {
        out.push(t("header", { number: next + 1 }));
        i += 1;
      } else {
        flush();
        out.push(isNamedPart(part) ? t(part) : part);
      }
    }
    flush();
    const text = out.join(" ");
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
}
