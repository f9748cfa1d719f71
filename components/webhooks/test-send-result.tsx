"use client";

import { useTranslations } from "next-intl";
import { CodeBlock, HeadersTable } from "@/components/deliveries/code-block";
import { useErrorKindLabel, useFormatDuration } from "@/components/deliveries/delivery-format";
import { MethodTag } from "@/components/deliveries/result-badge";
import { Badge } from "@/components/ui/badge";
import type { TestSendResult } from "@/lib/dispatch/test-send";

function contentTypeOf(headers: Array<{ name: string; value: string }>): string | undefined {
  return headers.find((h) => h.name.toLowerCase() === "content-type")?.value;
}

function headerList(headers: Record<string, string | string[]>) {
  return Object.entries(headers).flatMap(([name, value]) =>
    Array.isArray(value) ? value.map((v) => ({ name, value: v })) : [{ name, value }],
  );
}

/** The badge's words: the HTTP status when the receiver answered, else the kind of error. */
function useDescribeTestOutcome() {
  const t = useTranslations("sendTest");
  const errorKind = useErrorKindLabel();
  return (result: TestSendResult): { label: string; tone: "green" | "red" } => {
    if (result.response) {
      const status = result.response.status;
      if (result.ok) return { label: t("ok", { status }), tone: "green" };
      if (result.error?.kind === "redirect")
        return { label: t("redirect", { status }), tone: "red" };
      return { label: t("httpStatus", { status }), tone: "red" };
    }
    return { label: result.error ? errorKind(result.error.kind) : t("failed"), tone: "red" };
  };
}

/**
 * One test send: status and duration, the answer or the error first (what the admin came for),
 * then the request exactly as sent.
 * The bodies and headers use the error check's blocks, so both pages read the same way.
 */
export function TestSendResultView({ result, label }: { result: TestSendResult; label: string }) {
  const t = useTranslations("sendTest");
  const errorKind = useErrorKindLabel();
  const formatDuration = useFormatDuration();
  const outcome = useDescribeTestOutcome()(result);
  const responseHeaders = result.response ? headerList(result.response.headers) : [];
  return (
    <article aria-label={label} data-testid="test-result" className="space-y-5">
      <div className="flex flex-wrap items-center gap-3">
        <span data-testid="test-status">
          <Badge tone={outcome.tone}>{outcome.label}</Badge>
        </span>
        <span className="text-sm text-slate-600 tabular-nums">
          {t.rich("in", {
            duration: () => (
              <span data-testid="test-duration">{formatDuration(result.durationMs)}</span>
            ),
          })}
        </span>
      </div>

      {result.error ? (
        <div
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          <p className="font-medium">{errorKind(result.error.kind)}</p>
          <p className="mt-0.5 break-words" data-testid="test-error">
            {result.error.message}
          </p>
        </div>
      ) : null}

      <section aria-label={t("response")} className="space-y-2">
        <h4 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
          {t("response")}
        </h4>
        {result.response ? (
          <>
            <p className="text-sm text-slate-800">
              {t.rich("status", {
                status: result.response.status,
                code: (chunks) => <span className="font-mono font-semibold">{chunks}</span>,
              })}
            </p>
            <HeadersTable headers={responseHeaders} label={t("responseHeaders")} />
            <CodeBlock
              label={t("responseBody")}
              text={result.response.body}
              contentType={contentTypeOf(responseHeaders)}
              note={result.response.truncated ? t("truncated") : undefined}
            />
          </>
        ) : (
          <p className="text-xs text-slate-500">{t("noResponse")}</p>
        )}
      </section>
      <section aria-label={t("requestAsSent")} className="space-y-2">
        <h4 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
          {t("requestAsSent")}
        </h4>
        <p className="flex items-start gap-2">
          <MethodTag method={result.request.method} />
          <span className="font-mono text-xs break-all text-slate-800">{result.request.url}</span>
        </p>
        <HeadersTable headers={result.request.headers} label={t("requestHeaders")} />
        {result.request.body ? (
          <CodeBlock
            label={t("requestBody")}
            text={result.request.body}
            contentType={contentTypeOf(result.request.headers)}
          />
        ) : (
          <p className="text-xs text-slate-500">{t("noBody")}</p>
        )}
      </section>
    </article>
  );
}
