const HOUR_MS = 3_600_000;

/** The chart's 7 days: whole UTC hours, up to and including the current one. */
export function chartRange(now: number): { from: string; to: string } {
  const to = Math.floor(now / HOUR_MS) * HOUR_MS + HOUR_MS;
  return { from: new Date(to - 7 * 24 * HOUR_MS).toISOString(), to: new Date(to).toISOString() };
}
