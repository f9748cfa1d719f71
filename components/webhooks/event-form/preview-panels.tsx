"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { Preview } from "@/lib/webhooks/preview";

function prettyBody(body: string, contentType: string | undefined): string {
  if (/json/i.test(contentType ?? "")) {
    try {
      return JSON.stringify(JSON.parse(body), null, 2);
    } catch {
      return body;
    }
  }
  if (/x-www-form-urlencoded/i.test(contentType ?? "")) return decodePairs(body);
  return body;
}

/** `a=1&client%5Bphone%5D=2` → one decoded `name = value` per line. */
function decodePairs(query: string): string {
  return [...new URLSearchParams(query)].map(([name, value]) => `${name} = ${value}`).join("\n");
}

function searchOf(url: string): string {
  try {
    return new URL(url).search.slice(1);
  } catch {
    return "";
  }
}

export type PreviewTab = "request" | "curl";

/** The rendered request as the admin reads it (decoded query, pretty body) and as curl. */
export function PreviewPanels({
  preview,
  tab,
  onTab,
  updating,
}: {
  preview: Preview;
  tab: PreviewTab;
  onTab: (tab: PreviewTab) => void;
  updating: boolean;
}) {
  const [pretty, setPretty] = useState(true);
  const tabsId = useId();
  const t = useTranslations("preview");
  const contentType = preview.headers.find((h) => h.name.toLowerCase() === "content-type")?.value;
  const queryString = searchOf(preview.url);
  return (
    <div className={`mt-3 ${updating ? "opacity-70" : ""} transition-opacity`}>
      <div role="tablist" aria-label={t("view")} className="flex gap-1 border-b border-slate-200">
        {(["request", "curl"] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`${tabsId}-${name}`}
            aria-selected={tab === name}
            aria-controls={`${tabsId}-${name}-panel`}
            onClick={() => onTab(name)}
            className={`-mb-px border-b-2 px-2.5 py-1.5 text-xs font-medium ${
              tab === name
                ? "border-brand-600 text-brand-700"
                : "border-transparent text-slate-500 hover:text-slate-800"
            }`}
          >
            {name === "request" ? t("httpRequest") : "curl"}
          </button>
        ))}
      </div>
      {tab === "request" ? (
        <div
          role="tabpanel"
          id={`${tabsId}-request-panel`}
          aria-labelledby={`${tabsId}-request`}
          className="space-y-3 pt-3"
        >
          <p className="font-mono text-xs leading-5 break-all text-slate-800">
            <span className="mr-1.5 rounded bg-slate-800 px-1.5 py-0.5 font-semibold text-white">
              {preview.method}
            </span>
            <span data-testid="preview-url">{preview.url}</span>
          </p>
          {queryString ? (
            <div>
              <h5 className="text-xs font-medium text-slate-500">{t("query")}</h5>
              <pre className="mt-1 overflow-x-auto rounded-md bg-white p-2 font-mono text-xs leading-5 whitespace-pre-wrap text-slate-700 ring-1 ring-slate-200">
                {decodePairs(queryString)}
              </pre>
            </div>
          ) : null}
          <div>
            <h5 className="text-xs font-medium text-slate-500">{t("headers")}</h5>
            {preview.headers.length === 0 ? (
              <p className="mt-1 text-xs text-slate-500">{t("none")}</p>
            ) : (
              <ul className="mt-1 space-y-0.5 font-mono text-xs [overflow-wrap:anywhere] text-slate-700">
                {preview.headers.map((header, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: headers repeat and the list is replaced whole on each render
                  <li key={i}>
                    <span className="text-slate-500">{header.name}:</span> {header.value}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <div className="flex items-center justify-between">
              <h5 className="text-xs font-medium text-slate-500">{t("body")}</h5>
              {preview.body ? (
                <div className="flex gap-0.5 rounded-md bg-slate-100 p-0.5 text-xs">
                  {[true, false].map((value) => (
                    <button
                      key={String(value)}
                      type="button"
                      aria-pressed={pretty === value}
                      onClick={() => setPretty(value)}
                      className={`rounded px-2 py-0.5 ${pretty === value ? "bg-white font-medium text-slate-900 shadow-xs" : "text-slate-500"}`}
                    >
                      {value ? t("pretty") : t("raw")}
                    </button>
                  ))}
                </div>
              ) : null}
            </div>
            {preview.body ? (
              <pre
                data-testid="preview-body"
                className="mt-1 max-h-96 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-5 whitespace-pre-wrap break-all text-slate-100"
              >
                {pretty ? prettyBody(preview.body, contentType) : preview.body}
              </pre>
            ) : (
              <p className="mt-1 text-xs text-slate-500">
                {preview.method === "GET" ? t("getNoBody") : t("emptyBody")}
              </p>
            )}
          </div>
        </div>
      ) : (
        <div
          role="tabpanel"
          id={`${tabsId}-curl-panel`}
          aria-labelledby={`${tabsId}-curl`}
          className="pt-3"
        >
          <pre
            data-testid="preview-curl"
            className="max-h-96 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-5 whitespace-pre-wrap break-all text-slate-100 select-all"
          >
            {preview.curl}
          </pre>
        </div>
      )}
    </div>
  );
}
