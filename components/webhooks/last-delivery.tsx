import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/format-date";
import type { DeliveryOutcome } from "@/lib/webhooks/summaries";

const OUTCOMES: Record<string, { label: string; tone: "green" | "red" | "blue" | "neutral" }> = {
  succeeded: { label: "Delivered", tone: "green" },
  failed: { label: "Failed", tone: "red" },
  pending: { label: "Queued", tone: "blue" },
  sending: { label: "Sending", tone: "blue" },
};

/** When the event last sent something and how it went; "—" before its first delivery. */
export function LastDelivery({
  delivery,
  timeZone,
}: {
  delivery: DeliveryOutcome | null;
  timeZone: string;
}) {
  if (!delivery) return <span className="text-slate-400">—</span>;
  const outcome = OUTCOMES[delivery.status] ?? { label: delivery.status, tone: "neutral" };
  return (
    <div>
      <Badge tone={outcome.tone}>
        {outcome.label}
        {delivery.statusCode ? ` · ${delivery.statusCode}` : ""}
      </Badge>
      <p className="mt-1 text-xs text-slate-500">
        <time dateTime={delivery.at}>{formatDateTime(delivery.at, timeZone)}</time>
      </p>
    </div>
  );
}
