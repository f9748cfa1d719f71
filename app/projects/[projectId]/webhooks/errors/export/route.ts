import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/app/_lib/session";
import { requestLocale } from "@/i18n/request-locale";
import { requireProjectRole } from "@/lib/auth/access";
import { streamDeliveriesCsv } from "@/lib/delivery-log/csv";
import { parseDeliveryFilter, withoutCursor } from "@/lib/delivery-log/filters";
import { attemptErrorText } from "@/lib/dispatch/attempt-error-text";
import { AppError } from "@/lib/errors";
import { toErrorResponse } from "@/lib/http/errors";
import { wordsOf } from "@/lib/i18n/catalog-words";
import { isTriggerType, triggerGroupOf } from "@/lib/model/trigger-types";

/**
 * The CSV download of the error check page for a signed-in member: the session cookie stands
 * in for the API key of `GET /api/v1/deliveries/export.csv`. The rows are streamed as they are
 * read, never built in memory.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ projectId: string }> },
) {
  try {
    const { projectId } = await params;
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthorized", { key: "sessionEnded" });
    await requireProjectRole(user.id, projectId, "viewer");
    // The page only links valid filters; a hand-edited link exports with the bad parts left out.
    const { filter } = parseDeliveryFilter(new URL(request.url).searchParams);
    // The page's download speaks the reader's language; the API's export keeps English names.
    const tColumn = await getTranslations("csv");
    const tTrigger = await getTranslations("triggers");
    const locale = await requestLocale();
    const body = streamDeliveriesCsv(projectId, withoutCursor(filter), {
      labels: {
        column: (name) => tColumn(name),
        trigger: (item) =>
          isTriggerType(item.triggerType)
            ? `${tTrigger(`group.${triggerGroupOf(item.triggerType)}`)}: ${tTrigger(`moment.${item.triggerType}`)}`
            : item.triggerType,
        error: (stored) => {
          const text = attemptErrorText(stored);
          return text ? wordsOf(locale, "attemptErrors", text) : stored;
        },
      },
    });
    const day = new Date().toISOString().slice(0, 10);
    const name = filter.result === "all" ? "webhook-deliveries" : "failed-webhooks";
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}-${day}.csv"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    const { status, body } = toErrorResponse(error);
    return Response.json(body, { status });
  }
}
