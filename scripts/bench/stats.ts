// Small timing helpers for the benchmark: percentiles, repeated runs and an RSS sampler.

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export type Timing = { medianMs: number; p95Ms: number; runs: number };

/** Runs `task` `warmups` times unmeasured, then `runs` times measured, one after another. */
export async function timeRuns(
  task: () => Promise<unknown>,
  runs = 20,
  warmups = 3,
): Promise<Timing> {
  for (let i = 0; i < warmups; i += 1) await task();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await task();
    samples.push(performance.now() - started);
  }
  return { medianMs: percentile(samples, 50), p95Ms: percentile(samples, 95), runs };
}

export const MB = 1024 * 1024;

/** Samples process RSS every 100 ms until stopped; reports the baseline and the peak. */
export function sampleRss(intervalMs = 100) {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, intervalMs);
  return {
    stop(): { baselineMb: number; peakMb: number; growthMb: number } {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return {
        baselineMb: baseline / MB,
        peakMb: peak / MB,
        growthMb: (peak - baseline) / MB,
      };
    },
  };
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
