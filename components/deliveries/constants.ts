/** How long "Undo" stays offered after Checked. */
export const UNDO_MS = 10_000;

/** How often a running resend batch is asked for its progress. */
export const BATCH_POLL_MS = 1_000;

/** The chart's window: the last 7 days, hour by hour. */
export const CHART_HOURS = 7 * 24;
