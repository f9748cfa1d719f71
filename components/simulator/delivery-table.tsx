import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { CallDeliveryDto, DeliveryStatus } from "@/lib/simulator/delivery-status";

const STATUS_TONE: Record<DeliveryStatus, "neutral" | "blue" | "green" | "red"> = {
  pending: "neutral",
  sending: "blue",
  succeeded: "green",
  failed: "red",
};

function StatusBadge({ delivery }: { delivery: CallDeliveryDto }) {
  // A pending delivery that already has an attempt is waiting for its retry.
  const t = useTranslations("simulator.table");
  const retrying = delivery.status === "pending" && delivery.attempts > 0;
  const { tone, label } = retrying
    ? { tone: "amber" as const, label: t("retrying") }
    : { tone: STATUS_TONE[delivery.status], label: t(delivery.status) };
  return (
    <Badge tone={tone} live={delivery.status === "sending"}>
      {label}
    </Badge>
  );
}

/** "next try in 12 s": when the retry schedule sends it again. */
function useRetryIn() {
  const t = useTranslations("simulator.table");
  return (nextAttemptAt: string | null): string | null => {
    if (!nextAttemptAt) return null;
    const seconds = Math.round((Date.parse(nextAttemptAt) - Date.now()) / 1000);
    const minutes = Math.round(seconds / 60);
    const when =
      seconds <= 0
        ? t("now")
        : seconds < 90
          ? t("inSeconds", { count: seconds })
          : minutes < 90
            ? t("inMinutes", { count: minutes })
            : t("inHours", { count: Math.round(minutes / 60) });
    return t("nextTry", { when });
  };
}

export function DeliveryTable({ deliveries }: { deliveries: CallDeliveryDto[] }) {
  const t = useTranslations("simulator.table");
  const retryIn = useRetryIn();
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-slate-50 text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t("eventAndHost")}
            </th>
            <th scope="col" className="w-28 px-3 py-2">
              {t("status")}
            </th>
            <th scope="col" className="w-16 px-3 py-2 text-right">
              HTTP
            </th>
            <th scope="col" className="w-24 px-3 py-2 text-right">
              {t("attempts")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {deliveries.map((delivery) => (
            <tr
              key={delivery.id}
              data-testid="delivery-row"
              data-status={delivery.status}
              className="align-top"
            >
              <td className="min-w-0 px-3 py-2.5">
                <p className="font-medium text-slate-900">{delivery.eventName}</p>
                <p className="truncate font-mono text-xs text-slate-500">{delivery.host ?? "—"}</p>
                {delivery.error ? (
                  <p className="mt-1 break-words text-xs text-red-700">
                    {delivery.error}
                    {delivery.status === "pending" ? (
                      <span className="text-slate-500"> · {retryIn(delivery.nextAttemptAt)}</span>
                    ) : null}
                  </p>
                ) : null}
              </td>
              <td className="px-3 py-2.5">
                <StatusBadge delivery={delivery} />
              </td>
              <td className="px-3 py-2.5 text-right font-mono text-xs leading-5 text-slate-700 tabular-nums">
                {delivery.statusCode ?? "—"}
              </td>
              <td className="px-3 py-2.5 text-right text-xs leading-5 text-slate-600 tabular-nums">
                {delivery.attempts} / {delivery.maxAttempts}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
