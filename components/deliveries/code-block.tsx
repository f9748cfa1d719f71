"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { CopyIcon } from "@/components/ui/icons";

/** JSON re-indented, a form body one pair a line; null when the raw text is already the best view. */
export function prettify(text: string, contentType?: string): string | null {
  const trimmed = text.trim();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      return JSON.stringify(JSON.parse(trimmed), null, 2);
    } catch {
      return null;
    }
  }
  if (
    contentType?.includes("x-www-form-urlencoded") ||
    /^[^\s=&]+=[^\s]*(&[^\s=&]+=[^\s]*)+$/.test(trimmed)
  ) {
    try {
      return [...new URLSearchParams(trimmed)].map(([k, v]) => `${k} = ${v}`).join("\n");
    } catch {
      return null;
    }
  }
  return null;
}

// Still English: the drawer's curl button and the signing secret call it (their files change on
// another branch too); useCopyText is the translated form.
export async function copyText(text: string, what: string) {
  try {
    await navigator.clipboard.writeText(text);
    toast.success(`${what} copied`);
  } catch {
    toast.error(`${what} could not be copied: the browser refused access to the clipboard`);
  }
}

/** Copies to the clipboard and says so in a toast ("what" names the thing in the language). */
export function useCopyText() {
  const t = useTranslations("deliveries.code");
  return async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      toast.success(t("copied", { what }));
    } catch {
      toast.error(t("copyFailed", { what }));
    }
  };
}

/** A body in a scrollable monospace box, pretty-printed when it can be, with the raw text a click away. */
export function CodeBlock({
  label,
  text,
  contentType,
  note,
}: {
  label: string;
  text: string;
  contentType?: string;
  note?: string;
}) {
  const t = useTranslations("deliveries.code");
  const copyText = useCopyText();
  const pretty = prettify(text, contentType);
  const [raw, setRaw] = useState(false);
  const shown = raw || pretty === null ? text : pretty;
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200">
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 bg-slate-50 px-3 py-1.5">
        <span className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</span>
        <div className="flex items-center gap-1">
          {pretty !== null ? (
            <button
              type="button"
              onClick={() => setRaw((r) => !r)}
              aria-pressed={raw}
              className="rounded px-1.5 py-0.5 text-xs font-medium text-slate-600 hover:bg-slate-200 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600"
            >
              {raw ? t("pretty") : t("raw")}
            </button>
          ) : null}
          <button
            type="button"
            onClick={() => copyText(text, label)}
            aria-label={t("copy", { what: label.toLowerCase() })}
            className="rounded p-1 text-slate-500 hover:bg-slate-200 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            <CopyIcon className="size-3.5" />
          </button>
        </div>
      </div>
      <pre className="max-h-72 overflow-auto bg-white px-3 py-2 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap text-slate-800">
        {shown === "" ? <span className="text-slate-400">{t("empty")}</span> : shown}
      </pre>
      {note ? (
        <p className="border-t border-slate-100 bg-amber-50 px-3 py-1 text-xs text-amber-800">
          {note}
        </p>
      ) : null}
    </div>
  );
}

export function HeadersTable({
  headers,
  label,
}: {
  headers: Array<{ name: string; value: string }>;
  label: string;
}) {
  const t = useTranslations("deliveries.code");
  if (headers.length === 0) return <p className="text-xs text-slate-500">{t("noHeaders")}</p>;
  return (
    <table className="w-full table-fixed text-left font-mono text-xs">
      <caption className="sr-only">{label}</caption>
      <tbody className="divide-y divide-slate-100">
        {headers.map((h, i) => (
          // Headers may repeat (Set-Cookie): the position keeps the keys apart.
          // biome-ignore lint/suspicious/noArrayIndexKey: order is the identity of a header line
          <tr key={`${h.name}-${i}`}>
            <th
              scope="row"
              className="w-2/5 py-1 pr-3 align-top font-medium break-all text-slate-500"
            >
              {h.name}
            </th>
            <td className="py-1 align-top break-all text-slate-800">{h.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
