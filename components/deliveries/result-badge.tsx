import { Badge } from "@/components/ui/badge";
import type { DeliveryListItem } from "@/lib/delivery-log/contract";
import { useDescribeResult } from "./delivery-format";

/** The delivery's outcome: HTTP status when the receiver answered, else the kind of error. */
export function ResultBadge({
  delivery,
}: {
  delivery: Pick<DeliveryListItem, "status" | "httpStatus" | "errorKind" | "attempts">;
}) {
  const { label, tone } = useDescribeResult()(delivery);
  return (
    <Badge tone={tone} live={delivery.status === "sending"}>
      {label}
    </Badge>
  );
}

const METHOD_TONES: Record<string, string> = {
  GET: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  POST: "bg-brand-50 text-brand-700 ring-brand-100",
  PUT: "bg-amber-50 text-amber-800 ring-amber-200",
};

export function MethodTag({ method }: { method: string | null }) {
  if (!method) return null;
  return (
    <span
      className={`inline-block rounded px-1.5 py-px font-mono text-[11px] font-semibold ring-1 ring-inset ${
        METHOD_TONES[method] ?? "bg-slate-100 text-slate-700 ring-slate-200"
      }`}
    >
      {method}
    </span>
  );
}
