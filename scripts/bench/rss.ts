// Peak resident memory of the bench's process groups, read from /proc (Linux). A group is a
// process the bench started detached and everything it spawned (npm → sh → node, next start →
// next-server). The tree's sum counts shared pages once per process, as `ps` would.
import { readdirSync, readFileSync } from "node:fs";

const PAGE_BYTES = 4096;
const MB = 1024 * 1024;

export type RssPeak = {
  /** The largest sum over the group's processes seen at one sample. */
  treeMb: number;
  /** The largest single process seen, and its command name. */
  largestMb: number;
  largest: string;
  processes: number;
};

type Tracked = { pgid: number; peak: RssPeak };

function readGroupOf(pid: string): { pgid: number; comm: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = stat.lastIndexOf(")");
    // The kernel cuts names at 15 characters: "next-server (v16.4.6)" arrives as "next-server (v1".
    const comm = stat.slice(stat.indexOf("(") + 1, close).replace(/ \([^)]*$/, "");
    // After "pid (comm)": state ppid pgrp …
    const fields = stat.slice(close + 2).split(" ");
    return { pgid: Number(fields[2]), comm };
  } catch {
    return null;
  }
}

function readRssBytes(pid: string): number {
  try {
    const statm = readFileSync(`/proc/${pid}/statm`, "utf8").split(" ");
    return Number(statm[1]) * PAGE_BYTES;
  } catch {
    return 0;
  }
}

export class RssSampler {
  private readonly tracked = new Map<string, Tracked>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly intervalMs = 250) {}

  /** Follows the group led by `pgid` under `name`; a name seen before keeps its peak. */
  track(name: string, pgid: number): void {
    const known = this.tracked.get(name);
    if (known) known.pgid = pgid;
    else {
      this.tracked.set(name, {
        pgid,
        peak: { treeMb: 0, largestMb: 0, largest: "", processes: 0 },
      });
    }
    this.timer ??= setInterval(() => this.sample(), this.intervalMs);
  }

  sample(): void {
    const groups = new Map<number, Tracked>();
    for (const tracked of this.tracked.values()) groups.set(tracked.pgid, tracked);
    const sums = new Map<number, { bytes: number; largest: number; comm: string; count: number }>();
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const group = readGroupOf(entry);
      if (!group || !groups.has(group.pgid)) continue;
      const bytes = readRssBytes(entry);
      const sum = sums.get(group.pgid) ?? { bytes: 0, largest: 0, comm: "", count: 0 };
      sum.bytes += bytes;
      sum.count += 1;
      if (bytes > sum.largest) {
        sum.largest = bytes;
        sum.comm = group.comm;
      }
      sums.set(group.pgid, sum);
    }
    for (const [pgid, sum] of sums) {
      const tracked = groups.get(pgid);
      if (!tracked) continue;
      const peak = tracked.peak;
      if (sum.bytes / MB > peak.treeMb) {
        peak.treeMb = sum.bytes / MB;
        peak.processes = sum.count;
      }
      if (sum.largest / MB > peak.largestMb) {
        peak.largestMb = sum.largest / MB;
        peak.largest = sum.comm;
      }
    }
  }

  peaks(): Record<string, RssPeak> {
    return Object.fromEntries([...this.tracked].map(([name, t]) => [name, { ...t.peak }]));
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
