"use client";

import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Drawer } from "@/components/ui/drawer";
import type { DeliveryDetail, DeliveryListItem } from "@/lib/delivery-log/contract";
import { formatDueIn } from "@/lib/format-date";
import { AttemptCard } from "./attempt-card";
import { copyText } from "./code-block";
import { formatTimestamp } from "./format-time";
import { CheckCircleIcon, ResendIcon, TerminalIcon } from "./icons";
import { MethodTag, ResultBadge } from "./result-badge";
import { useDeliveryDetail } from "./use-deliveries";

type Props = {
  projectId: string;
  /** The row that was opened: shown at once while the details load. */
  delivery: DeliveryListItem | null;
  timeZone: string;
  canEdit: boolean;
  onClose: () => void;
  onResend: (id: string) => void;
  onCheck: (id: string) => void;
  resending: boolean;
};

/** Everything about one delivery: the call, every attempt as sent and answered, and what to do next. */
export function DeliveryDrawer({
  projectId,
  delivery,
  timeZone,
  canEdit,
  onClose,
  onResend,
  onCheck,
  resending,
}: Props) {
  const detail = useDeliveryDetail(projectId, delivery?.id ?? null);
  const data = detail.data && detail.data.id === delivery?.id ? detail.data : null;
  const shown = data ?? delivery;

  return (
    <Drawer
      open={delivery !== null}
      onClose={onClose}
      label={delivery ? `Webhook details: ${delivery.eventName}` : "Webhook details"}
      title={
        shown ? (
          <span className="flex items-center gap-2">
            <span className="truncate">{shown.eventName}</span>
            <ResultBadge
              delivery={{
                ...shown,
                attempts: data ? data.attemptCount : (delivery?.attempts ?? 0),
              }}
            />
          </span>
        ) : (
          "Webhook"
        )
      }
      description={
        shown ? (
          <span>
            {shown.trigger.group}, {shown.trigger.label} ·{" "}
            <time dateTime={shown.createdAt}>{formatTimestamp(shown.createdAt, timeZone)}</time>
          </span>
        ) : null
      }
      footer={
        data ? (
          <DrawerActions
            detail={data}
            canEdit={canEdit}
            resending={resending}
            onResend={() => onResend(data.id)}
            onCheck={() => onCheck(data.id)}
          />
        ) : null
      }
    >
      {detail.isError ? (
        <Alert tone="error">The details could not be loaded: {detail.error.message}</Alert>
      ) : data ? (
        <DetailBody detail={data} timeZone={timeZone} />
      ) : (
        <DetailSkeleton />
      )}
    </Drawer>
  );
}

function DrawerActions({
  detail,
  canEdit,
  resending,
  onResend,
  onCheck,
}: {
  detail: DeliveryDetail;
  canEdit: boolean;
  resending: boolean;
  onResend: () => void;
  onCheck: () => void;
}) {
  const failed = detail.status === "failed";
  return (
    <>
      {detail.curl ? (
        <Button
          variant="ghost"
          className="mr-auto"
          onClick={() => copyText(detail.curl ?? "", "curl command")}
        >
          <TerminalIcon />
          Copy as curl
        </Button>
      ) : null}
      {canEdit && failed && !detail.checkedAt ? (
        <Button variant="secondary" onClick={onCheck}>
          <CheckCircleIcon />
          Mark checked
        </Button>
      ) : null}
      {canEdit && failed ? (
        <Button
          onClick={onResend}
          pending={resending}
          disabled={detail.resendBlockedReason !== null}
          title={detail.resendBlockedReason ?? undefined}
          data-autofocus
        >
          <ResendIcon />
          Send again
        </Button>
      ) : null}
    </>
  );
}

const DT = "text-xs font-medium text-slate-500";
const DD = "mt-0.5 text-sm text-slate-900";

function DetailBody({ detail, timeZone }: { detail: DeliveryDetail; timeZone: string }) {
  const attempts = [...detail.attempts].sort((a, b) => b.number - a.number);
  return (
    <div className="space-y-6">
      {detail.status === "failed" && detail.resendBlockedReason ? (
        <Alert tone="info">Send again is not possible: {detail.resendBlockedReason}</Alert>
      ) : null}
      {detail.error && detail.status !== "succeeded" ? (
        <div className="rounded-lg border border-red-200 bg-red-50 px-4 py-3">
          <p className="text-xs font-medium tracking-wide text-red-700 uppercase">Last error</p>
          <p className="mt-1 text-sm break-words text-red-800">{detail.error}</p>
        </div>
      ) : null}

      <dl className="grid grid-cols-2 gap-x-6 gap-y-4 rounded-lg border border-slate-200 p-4">
        <div className="col-span-2">
          <dt className={DT}>Request</dt>
          <dd className={`${DD} flex items-start gap-2`}>
            <MethodTag method={detail.method} />
            <span className="font-mono text-xs break-all text-slate-800">
              {detail.url ?? "not rendered yet"}
            </span>
          </dd>
        </div>
        <div>
          <dt className={DT}>Attempts</dt>
          <dd className={`${DD} tabular-nums`}>
            {detail.attemptCount} of {detail.maxAttempts}
          </dd>
        </div>
        <div>
          <dt className={DT}>
            {detail.status === "pending" && detail.nextAttemptAt ? "Next attempt" : "Finished"}
          </dt>
          <dd className={`${DD} tabular-nums`}>
            {detail.status === "pending" && detail.nextAttemptAt ? (
              <>
                {formatTimestamp(detail.nextAttemptAt, timeZone)}{" "}
                <span className="text-slate-500">({formatDueIn(detail.nextAttemptAt)})</span>
              </>
            ) : detail.completedAt ? (
              formatTimestamp(detail.completedAt, timeZone)
            ) : (
              "—"
            )}
          </dd>
        </div>
        <div>
          <dt className={DT}>Call id</dt>
          <dd className={`${DD} font-mono text-xs break-all`}>{detail.callId ?? "—"}</dd>
        </div>
        <div>
          <dt className={DT}>Caller</dt>
          <dd className={`${DD} tabular-nums`}>{detail.caller ?? "—"}</dd>
        </div>
        {detail.checkedAt ? (
          <div className="col-span-2">
            <dt className={DT}>Checked</dt>
            <dd className={DD}>
              <Badge tone="neutral">Checked {formatTimestamp(detail.checkedAt, timeZone)}</Badge>
            </dd>
          </div>
        ) : null}
      </dl>

      <section aria-labelledby="attempts-heading">
        <h3 id="attempts-heading" className="text-sm font-semibold text-slate-900">
          Attempts <span className="font-normal text-slate-500">(newest first)</span>
        </h3>
        {attempts.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">No attempt has been made yet.</p>
        ) : (
          <ol className="mt-3 space-y-3">
            {attempts.map((attempt, index) => (
              <li key={attempt.number}>
                <AttemptCard attempt={attempt} timeZone={timeZone} defaultOpen={index === 0} />
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="call-heading">
        <h3 id="call-heading" className="text-sm font-semibold text-slate-900">
          Call event
        </h3>
        <p className="mt-1 text-xs text-slate-500">
          <span className="font-mono">{detail.callEvent.type}</span> ·{" "}
          {formatTimestamp(detail.callEvent.occurredAt, timeZone)}
        </p>
        <CallData call={detail.callEvent.call} />
      </section>
    </div>
  );
}

function CallData({ call }: { call: Record<string, unknown> }) {
  const entries = Object.entries(call);
  if (entries.length === 0) return <p className="mt-2 text-sm text-slate-500">No call data.</p>;
  return (
    <div className="mt-2 overflow-hidden rounded-lg border border-slate-200">
      <table className="w-full table-fixed text-left text-xs">
        <caption className="sr-only">Call data</caption>
        <tbody className="divide-y divide-slate-100">
          {entries.map(([name, value]) => (
            <tr key={name}>
              <th
                scope="row"
                className="w-2/5 bg-slate-50/60 px-3 py-1.5 align-top font-mono font-medium break-all text-slate-600"
              >
                {name}
              </th>
              <td className="px-3 py-1.5 align-top font-mono break-all text-slate-800">
                {value === null ? (
                  <span className="text-slate-400">null</span>
                ) : typeof value === "object" ? (
                  JSON.stringify(value)
                ) : (
                  String(value)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DetailSkeleton() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading the details" className="space-y-4">
      {[0, 1, 2].map((i) => (
        <div key={i} className="h-20 animate-pulse rounded-lg bg-slate-100" />
      ))}
    </div>
  );
}
