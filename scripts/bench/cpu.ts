// CPU time a process has used (user + system, from /proc, Linux), so a row can say how much
// processor the app spent per request. On a shared machine wall-clock rates move with the
// other processes' load; the CPU spent per request moves far less, so two builds can be
// compared by it even when the machine is busy.
import { readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100;

/** Milliseconds of CPU the process has used so far (0 once it is gone). */
export function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // After "pid (comm) ": state is field 3, utime 14 and stime 15 (1-based).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}
