import { useTranslations } from "next-intl";
import { useCatalogWords } from "@/components/i18n/use-catalog-words";
import { Badge } from "@/components/ui/badge";
import type { WebhookRequestDto } from "@/lib/webhooks/serializers";

/**
 * The requests that stopped sending (410 Gone, or too many failures in a row), each with its
 * reason as text: a tooltip would hide it from keyboard and screen-reader users.
 */
export function PausedRequests({
  requests,
}: {
  requests: Array<Pick<WebhookRequestDto, "id" | "position" | "paused">>;
}) {
  const t = useTranslations("webhooks.paused");
  const { pausedReason } = useCatalogWords();
  const paused = requests.filter((r) => r.paused);
  if (paused.length === 0) return null;
  const numbered = requests.length > 1;
  return (
    <ul className="mt-1.5 space-y-1" data-testid="paused-requests">
      {paused.map((request) => (
        <li key={request.id} className="flex flex-wrap items-baseline gap-x-1.5 gap-y-0.5 text-xs">
          <Badge tone="amber">{t("badge")}</Badge>
          <span className="text-amber-900">
            {numbered ? t("request", { number: request.position + 1 }) : ""}
            {request.paused ? pausedReason(request.paused.reason) : null}.
          </span>
          <span className="text-slate-500">{t("resume")}</span>
        </li>
      ))}
    </ul>
  );
}
