"use client";

import { useLocale, useTranslations } from "next-intl";
import type { AttemptDetail } from "@/lib/delivery-log/contract";
import { CodeBlock, HeadersTable } from "./code-block";
import { useErrorKindLabel, useFormatDuration } from "./delivery-format";
import { formatTimestamp } from "./format-time";
import { MethodTag } from "./result-badge";

function contentTypeOf(headers: Array<{ name: string; value: string }>): string | undefined {
  return headers.find((h) => h.name.toLowerCase() === "content-type")?.value;
}

function responseHeaderList(headers: Record<string, string | string[]>) {
  return Object.entries(headers).flatMap(([name, value]) =>
    Array.isArray(value) ? value.map((v) => ({ name, value: v })) : [{ name, value }],
  );
}

function outcome(
  attempt: AttemptDetail,
  errorKindLabel: (kind: string) => string,
  t: (key: "httpStatus" | "noAnswer", values?: { status: number }) => string,
): { label: string; ok: boolean } {
  if (attempt.response) {
    const ok = attempt.response.status >= 200 && attempt.response.status < 300;
    return {
      label: t("httpStatus", { status: attempt.response.status }),
      ok: ok && !attempt.error,
    };
  }
  const kind = attempt.errorKind ? errorKindLabel(attempt.errorKind) : t("noAnswer");
  return { label: kind, ok: false };
}

/** One attempt: the request exactly as sent and the answer (or the error), in a disclosure. */
export function AttemptCard({
  attempt,
  timeZone,
  defaultOpen,
}: {
  attempt: AttemptDetail;
  timeZone: string;
  defaultOpen: boolean;
}) {
  const errorKindLabel = useErrorKindLabel();
  const formatDuration = useFormatDuration();
  const t = useTranslations("attempt");
  const locale = useLocale();
  const result = outcome(attempt, errorKindLabel, (key, values) => t(key, values));
  const responseHeaders = attempt.response ? responseHeaderList(attempt.response.headers) : [];
  return (
    <details
      open={defaultOpen}
      data-testid="attempt"
      className="group overflow-hidden rounded-lg border border-slate-200 open:shadow-xs"
    >
      <summary className="flex cursor-pointer list-none items-center gap-3 bg-slate-50 px-4 py-2.5 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600 [&::-webkit-details-marker]:hidden">
        <span aria-hidden className="text-slate-400 transition group-open:rotate-90">
          ▸
        </span>
        <span className="font-medium text-slate-900">{t("title", { number: attempt.number })}</span>
        <span
          className={`rounded px-1.5 py-px text-xs font-semibold ${result.ok ? "bg-emerald-100 text-emerald-800" : "bg-red-100 text-red-800"}`}
        >
          {result.label}
        </span>
        <span className="ml-auto text-xs text-slate-500 tabular-nums">
          <time dateTime={attempt.startedAt}>
            {formatTimestamp(attempt.startedAt, timeZone, locale)}
          </time>{" "}
          · {formatDuration(attempt.durationMs)}
        </span>
      </summary>
      <div className="space-y-5 px-4 py-4">
        <section aria-label={t("requestOf", { number: attempt.number })} className="space-y-2">
          <h4 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
            {t("request")}
          </h4>
          <p className="flex items-start gap-2">
            <MethodTag method={attempt.request.method} />
            <span className="font-mono text-xs break-all text-slate-800">
              {attempt.request.url}
            </span>
          </p>
          <HeadersTable headers={attempt.request.headers} label={t("requestHeaders")} />
          {attempt.request.body !== null ? (
            <CodeBlock
              label={t("requestBody")}
              text={attempt.request.body}
              contentType={contentTypeOf(attempt.request.headers)}
            />
          ) : (
            <p className="text-xs text-slate-500">{t("noBody")}</p>
          )}
        </section>
        <section aria-label={t("responseOf", { number: attempt.number })} className="space-y-2">
          <h4 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
            {t("response")}
          </h4>
          {attempt.error ? (
            <p className="rounded-md bg-red-50 px-3 py-2 text-sm break-words text-red-800">
              {attempt.error}
            </p>
          ) : null}
          {attempt.response ? (
            <>
              <p className="text-sm text-slate-800">
                {t.rich("status", {
                  status: attempt.response.status,
                  code: (chunks) => <span className="font-mono font-semibold">{chunks}</span>,
                })}
              </p>
              <HeadersTable headers={responseHeaders} label={t("responseHeaders")} />
              {attempt.response.body !== null ? (
                <CodeBlock
                  label={t("responseBody")}
                  text={attempt.response.body}
                  contentType={contentTypeOf(responseHeaders)}
                  note={attempt.response.truncated ? t("truncated") : undefined}
                />
              ) : (
                <p className="text-xs text-slate-500">{t("noBody")}</p>
              )}
            </>
          ) : attempt.error ? null : (
            <p className="text-xs text-slate-500">{t("noResponse")}</p>
          )}
        </section>
      </div>
    </details>
  );
}
