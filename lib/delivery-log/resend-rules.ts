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

/** Why Send again is not possible for this delivery, in words for the admin; null when it is. */
export function resendRefusal(state: ResendState): string | null {
  if (state.status === "pending" || state.status === "sending") {
    return "It is queued to be sent already";
  }
  if (state.status === "succeeded")
    return "It was delivered; only failed deliveries are sent again";
  if (state.status !== "failed") return "Only failed deliveries can be sent again";
  if (!state.hasSnapshot && !state.hasRequest) {
    return "Its webhook request was deleted before anything was sent, so there is no request to send again";
  }
  if (state.hasRequest && state.pausedAt) {
    const why = state.pausedReason ? ` (${state.pausedReason})` : "";
    return `Its webhook request is paused${why}; enable the event to resume it, then send again`;
  }
  return null;
}
