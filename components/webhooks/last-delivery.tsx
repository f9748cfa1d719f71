import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/format-date";
import type { DeliveryOutcome } from "@/lib/webhooks/summaries";

const OUTCOMES = {
  succeeded: "green",
  failed: "red",
  pending: "blue",
  sending: "blue",
} as const;

function isOutcome(status: string): status is keyof typeof OUTCOMES {
  return status in OUTCOMES;
}

/** When the event last sent something and how it went; "—" before its first delivery. */
export function LastDelivery({
  delivery,
  timeZone,
}: {
  delivery: DeliveryOutcome | null;
  timeZone: string;
}) {
  const t = useTranslations("webhooks");
  const locale = useLocale();
  if (!delivery) return <span className="text-slate-400">—</span>;
  const { status } = delivery;
  const outcome = isOutcome(status)
    ? { label: t(`outcome.${status}`), tone: OUTCOMES[status] }
    : { label: status, tone: "neutral" as const };
  return (
    <div>
      <Badge tone={outcome.tone}>
        {outcome.label}
        {delivery.statusCode ? ` · ${delivery.statusCode}` : ""}
      </Badge>
      <p className="mt-1 text-xs text-slate-500">
        <time dateTime={delivery.at}>{formatDateTime(delivery.at, timeZone, locale)}</time>
      </p>
    </div>
  );
}
