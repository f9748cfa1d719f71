"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { previewRequestAction } from "@/app/projects/[projectId]/webhooks/preview-actions";
import { useDebouncedValue } from "@/components/forms/use-debounced-value";
import { CopyIcon } from "@/components/ui/icons";
import type { Preview } from "@/lib/webhooks/preview";
import { webhookKeys } from "@/lib/webhooks/query-keys";
import type { WebhookRequestConfig } from "@/lib/webhooks/schemas";
import { describeTrigger, type TriggerType } from "@/lib/webhooks/trigger-types";
import { describeFieldPath } from "./field-labels";
import { type EventFormValues, toRequestInput } from "./form-values";
import { useWizard } from "./wizard-context";

const DEBOUNCE_MS = 300;

type Draft = { type: TriggerType | ""; request: WebhookRequestConfig };

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

/**
 * The exact HTTP request the renderer produces for this webhook request with the trigger type's
 * sample call. It renders on the server (the same function as delivery and the API) as the
 * admin types, debounced; the last good render stays while the next one loads.
 */
export function RequestPreview({ index }: { index: number }) {
  const { control } = useFormContext<EventFormValues>();
  const { projectId } = useWizard();
  const type = useWatch({ control, name: "type" });
  const request = useWatch({ control, name: `requests.${index}` });
  // A string is a stable value to debounce: the form hands out the same objects, mutated.
  const draftKey = JSON.stringify({ type, request: request ? toRequestInput(request) : null });
  const debouncedKey = useDebouncedValue(draftKey, DEBOUNCE_MS);
  const draft = JSON.parse(debouncedKey) as Draft;
  const [tab, setTab] = useState<"request" | "curl">("request");
  const [pretty, setPretty] = useState(true);
  const tabsId = useId();

  const query = useQuery({
    queryKey: webhookKeys.preview(projectId, draft.type as TriggerType, draft.request),
    queryFn: () =>
      previewRequestAction(projectId, {
        type: draft.type as TriggerType,
        request: draft.request,
      }),
    enabled: draft.type !== "" && draft.request !== null,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

  const result = query.data;
  const problem = result && !result.ok ? result : null;
  // An invalid draft keeps the last good render on screen, marked as such.
  const [lastGood, setLastGood] = useState<Preview | null>(null);
  const fresh = result?.ok ? result.data : null;
  useEffect(() => {
    if (fresh) setLastGood(fresh);
  }, [fresh]);
  const preview = fresh ?? (problem ? lastGood : null);
  const firstProblem = problem ? Object.entries(problem.fieldErrors)[0] : undefined;
  const contentType = preview?.headers.find((h) => h.name.toLowerCase() === "content-type")?.value;
  const updating = query.isFetching || draftKey !== debouncedKey;

  async function copyCurl() {
    if (!preview) return;
    try {
      await navigator.clipboard.writeText(preview.curl);
      toast.success("curl command copied");
    } catch {
      setTab("curl");
      toast.error("The browser blocked the clipboard: select the command and copy it");
    }
  }

  const sample = type ? describeTrigger(type) : null;
  const queryString = preview ? searchOf(preview.url) : "";

  return (
    <section aria-label={`Preview of request ${index + 1}`} className="min-w-0">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h4 className="text-xs font-medium tracking-wide text-slate-500 uppercase">
            Live preview
            {updating ? (
              <span className="ml-2 font-normal tracking-normal text-slate-400 normal-case">
                updating…
              </span>
            ) : null}
          </h4>
          {sample ? (
            <p className="mt-0.5 text-xs text-slate-500">
              Sample call: {sample.group.toLowerCase()}, {sample.label}
            </p>
          ) : null}
        </div>
        <button
          type="button"
          onClick={copyCurl}
          disabled={!preview}
          className="inline-flex shrink-0 items-center gap-1.5 rounded-md bg-white px-2.5 py-1.5 text-xs font-medium text-slate-700 shadow-xs ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600 disabled:opacity-50"
        >
          <CopyIcon className="size-3.5" />
          Copy as curl
        </button>
      </div>

      {!type ? (
        <p className="mt-3 text-sm text-slate-500">Choose the event on step 1 to see a preview.</p>
      ) : null}

      {problem ? (
        <div
          role="status"
          className="mt-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900"
        >
          {preview ? (
            <p className="font-medium">The preview shows the last valid version.</p>
          ) : null}
          <p className="mt-0.5">
            {firstProblem
              ? `${describeFieldPath(firstProblem[0])}: ${firstProblem[1]}`
              : problem.message}
          </p>
        </div>
      ) : null}

      {preview ? (
        <div className={`mt-3 ${updating ? "opacity-70" : ""} transition-opacity`}>
          <div
            role="tablist"
            aria-label="Preview view"
            className="flex gap-1 border-b border-slate-200"
          >
            {(["request", "curl"] as const).map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                id={`${tabsId}-${name}`}
                aria-selected={tab === name}
                aria-controls={`${tabsId}-${name}-panel`}
                onClick={() => setTab(name)}
                className={`-mb-px border-b-2 px-2.5 py-1.5 text-xs font-medium ${
                  tab === name
                    ? "border-brand-600 text-brand-700"
                    : "border-transparent text-slate-500 hover:text-slate-800"
                }`}
              >
                {name === "request" ? "HTTP request" : "curl"}
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
                  <h5 className="text-xs font-medium text-slate-500">Query</h5>
                  <pre className="mt-1 overflow-x-auto rounded-md bg-white p-2 font-mono text-xs leading-5 whitespace-pre-wrap text-slate-700 ring-1 ring-slate-200">
                    {decodePairs(queryString)}
                  </pre>
                </div>
              ) : null}
              <div>
                <h5 className="text-xs font-medium text-slate-500">Headers</h5>
                {preview.headers.length === 0 ? (
                  <p className="mt-1 text-xs text-slate-500">None</p>
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
                  <h5 className="text-xs font-medium text-slate-500">Body</h5>
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
                          {value ? "Pretty" : "Raw"}
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
                    {preview.method === "GET"
                      ? "No body: GET sends the parameters in the query string."
                      : "Empty body."}
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
      ) : type && !problem ? (
        <div className="mt-3 space-y-2" aria-hidden>
          <div className="h-4 w-3/4 animate-pulse rounded bg-slate-200" />
          <div className="h-3 w-1/2 animate-pulse rounded bg-slate-200" />
          <div className="h-24 animate-pulse rounded bg-slate-200" />
        </div>
      ) : null}
    </section>
  );
}
