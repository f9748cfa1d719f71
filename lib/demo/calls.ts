// Demo call data: the sample calls (lib/model/sample-calls.ts) with a different caller, time,
// employee, campaign and result each time, and call times that follow a working day.
import { SAMPLE_CALLS } from "../model/sample-calls";
import type { TriggerType } from "../model/trigger-types";

export type Random = () => number;

/** Deterministic PRNG (mulberry32), so a seed gives the same demo data every time. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: Random, items: readonly T[]): T {
  // min(): a random() of exactly 1 (some test doubles return it) still picks the last item.
  const item = items[Math.min(items.length - 1, Math.floor(random() * items.length))];
  if (item === undefined) throw new Error("pick needs a non-empty list");
  return item;
}

export function pickWeighted<T>(random: Random, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  const last = items.at(-1);
  if (last === undefined) throw new Error("pickWeighted needs a non-empty list");
  return last[0];
}

// Calls by local hour: quiet at night, busy from 9 to 18.
const HOUR_WEIGHTS = [
  0.05, 0.03, 0.02, 0.02, 0.02, 0.04, 0.1, 0.25, 0.6, 0.95, 1, 1, 0.9, 0.95, 1, 1, 0.95, 0.85, 0.6,
  0.4, 0.3, 0.2, 0.12, 0.08,
];

/** A moment in the last `days` days, more likely in working hours of `timeZone`. */
const hourFormats = new Map<string, Intl.DateTimeFormat>();

export function callTime(random: Random, now: Date, days: number, timeZone: string): Date {
  let hourIn = hourFormats.get(timeZone);
  if (!hourIn) {
    hourIn = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "numeric", hourCycle: "h23" });
    hourFormats.set(timeZone, hourIn);
  }
  for (;;) {
    const at = new Date(now.getTime() - random() * days * 86_400_000);
    const hour = Number(hourIn.format(at));
    if (random() < (HOUR_WEIGHTS[hour] ?? 1)) return at;
  }
}

const OPERATORS = ["50", "63", "66", "67", "68", "73", "93", "95", "96", "97", "98", "99"];
const EMPLOYEES = [
  { employee_number: "104", employee_fio: "Олена Коваленко", department: "Відділ продажів" },
  { employee_number: "107", employee_fio: "Андрій Шевчук", department: "Відділ продажів" },
  { employee_number: "112", employee_fio: "Ірина Бондар", department: "Підтримка" },
  { employee_number: "118", employee_fio: "Максим Ткаченко", department: "Підтримка" },
  { employee_number: "121", employee_fio: "Наталія Мельник", department: "Відділ продажів" },
];
const CAMPAIGNS: Array<[Record<string, string>, number]> = [
  [{ utm_source: "google", utm_medium: "cpc", utm_campaign: "black_friday_2026" }, 5],
  [{ utm_source: "facebook", utm_medium: "paid_social", utm_campaign: "winter_sale" }, 3],
  [{ utm_source: "(direct)", utm_medium: "(none)", utm_campaign: "(not set)" }, 3],
  [{ utm_source: "google", utm_medium: "organic", utm_campaign: "(not set)" }, 2],
];
const DISPOSITIONS: Array<[string, number]> = [
  ["ANSWERED", 75],
  ["NO ANSWER", 14],
  ["BUSY", 6],
  ["FAILED", 3],
  ["VOICEMAIL", 2],
];

/** The sample call of the trigger type, made into a different call at `at`. */
export function demoCall(
  type: TriggerType,
  at: Date,
  sequence: number,
  random: Random,
): Record<string, unknown> {
  const call: Record<string, unknown> = { ...SAMPLE_CALLS[type].call };
  const client = `380${pick(random, OPERATORS)}${String(Math.floor(random() * 1e7)).padStart(7, "0")}`;
  const tracking = String(call.dst ?? call.caller);
  const uniqueid = `${Math.floor(at.getTime() / 1000)}.${10000 + (sequence % 90000)}`;
  Object.assign(call, { uniqueid, calldate: at.toISOString() });
  if (type.startsWith("outgoing.")) Object.assign(call, { caller: tracking, dst: client });
  else Object.assign(call, { caller: client, ...pickWeighted(random, CAMPAIGNS) });
  if ("employee_fio" in call) {
    const employee = pick(random, EMPLOYEES);
    Object.assign(call, employee);
    if ("evaluating_employee" in call) call.evaluating_employee = employee.employee_fio;
  }
  if ("waittime" in call) call.waittime = 3 + Math.floor(random() * 40);
  if ("duration" in call) {
    const disposition = pickWeighted(random, DISPOSITIONS);
    const billsec = disposition === "ANSWERED" ? 10 + Math.floor(random() * 600) : 0;
    const wait = Number(call.waittime ?? 0);
    Object.assign(call, { disposition, billsec, duration: billsec + wait });
    call.has_recording = billsec > 0;
    call.recording = billsec > 0 ? `https://records.example.com/${uniqueid}.mp3` : "";
  }
  if ("category_value" in call) call.category_value = 1 + Math.floor(random() * 5);
  return call;
}
