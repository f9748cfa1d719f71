import { pausedReasonText } from "../dispatch/paused-reason";
import type { CatalogText, TextKey } from "../i18n/catalog-text";

/** What decides whether a delivery can be sent again. */
export type ResendState = {
  status: string;
  /** The rendered request is stored (at least one attempt was made). */
  hasSnapshot: boolean;
  /** Its webhook request still exists. */
  hasRequest: boolean;
  pausedAt: Date | null;
  pausedReason: string | null;
};

/** Why Send again is refused: a key of the "resendRefusal" catalog and its values. */
export type ResendRefusal = CatalogText<"resendRefusal">;

/** Every refusal's key, for the schemas that read them back (the catalog has exactly these). */
export const RESEND_REFUSAL_KEYS = [
  "queued",
  "delivered",
  "notFailed",
  "requestDeleted",
  "paused",
  "pausedWhy",
  "notFound",
  "changed",
] as const satisfies ReadonlyArray<TextKey<"resendRefusal">>;

/** Why Send again is not possible for this delivery; null when it is. */
export function resendRefusal(state: ResendState): ResendRefusal | null {
  if (state.status === "pending" || state.status === "sending") return { key: "queued" };
  if (state.status === "succeeded") return { key: "delivered" };
  if (state.status !== "failed") return { key: "notFailed" };
  if (!state.hasSnapshot && !state.hasRequest) return { key: "requestDeleted" };
  if (state.hasRequest && state.pausedAt) {
    if (!state.pausedReason) return { key: "paused" };
    return { key: "pausedWhy", values: { reason: pausedReasonText(state.pausedReason) } };
  }
  return null;
}
