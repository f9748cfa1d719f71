"use client";

import { useLocale, useTranslations } from "next-intl";
import { useTriggerLabel } from "@/components/i18n/use-trigger-label";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Drawer } from "@/components/ui/drawer";
import type { DeliveryDetail, DeliveryListItem } from "@/lib/delivery-log/contract";
import { AttemptCard } from "./attempt-card";
import { useCopyText } from "./code-block";
import { useDueIn } from "./delivery-format";
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
  const t = useTranslations("drawer");
  const locale = useLocale();
  const triggerLabel = useTriggerLabel();
  const detail = useDeliveryDetail(projectId, delivery?.id ?? null);
  const data = detail.data && detail.data.id === delivery?.id ? detail.data : null;
  const shown = data ?? delivery;

  return (
    <Drawer
      open={delivery !== null}
      onClose={onClose}
      label={delivery ? t("label", { event: delivery.eventName }) : t("labelEmpty")}
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
          t("titleEmpty")
        )
      }
      description={
        shown ? (
          <span>
            {triggerLabel(shown.triggerType).group}, {triggerLabel(shown.triggerType).label} ·{" "}
            <time dateTime={shown.createdAt}>
              {formatTimestamp(shown.createdAt, timeZone, locale)}
            </time>
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
        <Alert tone="error">{t("loadFailed", { message: detail.error.message })}</Alert>
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
  const t = useTranslations("drawer");
  const copyText = useCopyText();
  const failed = detail.status === "failed";
  return (
    <>
      {detail.curl ? (
        <Button
          variant="ghost"
          className="mr-auto"
          onClick={() => copyText(detail.curl ?? "", t("curlCommand"))}
        >
          <TerminalIcon />
          {t("copyCurl")}
        </Button>
      ) : null}
      {canEdit && failed && !detail.checkedAt ? (
        <Button variant="secondary" onClick={onCheck}>
          <CheckCircleIcon />
          {t("markChecked")}
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
          {t("sendAgain")}
        </Button>
      ) : null}
    </>
  );
}

const DT = "text-xs font-medium text-slate-500";
const DD = "mt-0.5 text-sm text-slate-900";

function DetailBody({ detail, timeZone }: { detail: DeliveryDetail; timeZone: string }) {
  const t = useTranslations("drawer");
  const locale = useLocale();
  const dueIn = useDueIn();
  const attempts = [...detail.attempts].sort((a, b) => b.number - a.number);
  return (
    <div className="space-y-6">
      {detail.status === "failed" && detail.resendBlockedReason ? (
        <Alert tone="info">{t("blocked", { reason: detail.resendBlockedReason })}</Alert>
      ) : null}
      {detail.error && detail.status !== "succeeded" ? (
        <div className="rounded-lg border border-red-200 bg-red-50 px-4 py-3">
          <p className="text-xs font-medium tracking-wide text-red-700 uppercase">
            {t("lastError")}
          </p>
          <p className="mt-1 text-sm break-words text-red-800">{detail.error}</p>
        </div>
      ) : null}

      <dl className="grid grid-cols-2 gap-x-6 gap-y-4 rounded-lg border border-slate-200 p-4">
        <div className="col-span-2">
          <dt className={DT}>{t("request")}</dt>
          <dd className={`${DD} flex items-start gap-2`}>
            <MethodTag method={detail.method} />
            <span className="font-mono text-xs break-all text-slate-800">
              {detail.url ?? t("notRendered")}
            </span>
          </dd>
        </div>
        <div>
          <dt className={DT}>{t("attempts")}</dt>
          <dd className={`${DD} tabular-nums`}>
            {t("attemptsOf", { count: detail.attemptCount, max: detail.maxAttempts })}
          </dd>
        </div>
        <div>
          <dt className={DT}>
            {detail.status === "pending" && detail.nextAttemptAt ? t("nextAttempt") : t("finished")}
          </dt>
          <dd className={`${DD} tabular-nums`}>
            {detail.status === "pending" && detail.nextAttemptAt ? (
              <>
                {formatTimestamp(detail.nextAttemptAt, timeZone, locale)}{" "}
                <span className="text-slate-500">({dueIn(detail.nextAttemptAt)})</span>
              </>
            ) : detail.completedAt ? (
              formatTimestamp(detail.completedAt, timeZone, locale)
            ) : (
              "—"
            )}
          </dd>
        </div>
        <div>
          <dt className={DT}>{t("callId")}</dt>
          <dd className={`${DD} font-mono text-xs break-all`}>{detail.callId ?? "—"}</dd>
        </div>
        <div>
          <dt className={DT}>{t("caller")}</dt>
          <dd className={`${DD} tabular-nums`}>{detail.caller ?? "—"}</dd>
        </div>
        {detail.checkedAt ? (
          <div className="col-span-2">
            <dt className={DT}>{t("checked")}</dt>
            <dd className={DD}>
              <Badge tone="neutral">
                {t("checkedAt", { time: formatTimestamp(detail.checkedAt, timeZone, locale) })}
              </Badge>
            </dd>
          </div>
        ) : null}
      </dl>

      <section aria-labelledby="attempts-heading">
        <h3 id="attempts-heading" className="text-sm font-semibold text-slate-900">
          {t.rich("attemptsHeading", {
            muted: (chunks) => <span className="font-normal text-slate-500">{chunks}</span>,
          })}
        </h3>
        {attempts.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">{t("noAttempt")}</p>
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
          {t("callEvent")}
        </h3>
        <p className="mt-1 text-xs text-slate-500">
          <span className="font-mono">{detail.callEvent.type}</span> ·{" "}
          {formatTimestamp(detail.callEvent.occurredAt, timeZone, locale)}
        </p>
        <CallData call={detail.callEvent.call} />
      </section>
    </div>
  );
}

function CallData({ call }: { call: Record<string, unknown> }) {
  const t = useTranslations("drawer");
  const entries = Object.entries(call);
  if (entries.length === 0) return <p className="mt-2 text-sm text-slate-500">{t("noCallData")}</p>;
  return (
    <div className="mt-2 overflow-hidden rounded-lg border border-slate-200">
      <table className="w-full table-fixed text-left text-xs">
        <caption className="sr-only">{t("callData")}</caption>
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
  const t = useTranslations("drawer");
  return (
    <div role="status" aria-busy="true" aria-label={t("loading")} className="space-y-4">
      {[0, 1, 2].map((i) => (
        <div key={i} className="h-20 animate-pulse rounded-lg bg-slate-100" />
      ))}
    </div>
  );
}
