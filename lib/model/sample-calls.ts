import type { TriggerType } from "./trigger-types";

export type SampleCall = { occurredAt: string; call: Record<string, unknown> };

// One incoming call from an ad click, followed through every moment: it starts at 10:15:04,
// Olena picks up after 22 s, transfers it to a colleague's mobile, and it ends 184 s after it
// started (22 s waiting + 162 s talking); then the caller scores the service in the menu.
const INCOMING_ID = "1795767304.10452";
const CALLER = "380671234567";
const TRACKING_NUMBER = "380441112233";

const INCOMING_START = {
  uniqueid: INCOMING_ID,
  calldate: "2026-11-27T10:15:04+02:00",
  caller: CALLER,
  dst: TRACKING_NUMBER,
  call_type: "in",
  pool_name: "Google Ads",
  scheme_name: "Робочий час",
  utm_source: "google",
  utm_medium: "cpc",
  utm_campaign: "black_friday_2026",
  utm_content: "banner_1",
  utm_term: "купити смартфон",
  client_id: "1234567890.1795635600",
  remote_ip: "203.0.113.24",
  landing:
    "https://shop.example.com/smartfony?utm_source=google&utm_medium=cpc&utm_campaign=black_friday_2026",
  referrer: "https://www.google.com/",
};

const OLENA = {
  employee_number: "104",
  employee_fio: "Олена Коваленко",
  department: "Відділ продажів",
};

const INCOMING_RESULT = {
  disposition: "ANSWERED",
  duration: 184,
  billsec: 162,
  has_recording: true,
  recording: `https://records.example.com/2026/11/27/${INCOMING_ID}.mp3`,
};

// The same client called back the same day: 12 s of ringing, 83 s of talk.
const OUTGOING_ID = "1795770160.10519";

const OUTGOING_START = {
  uniqueid: OUTGOING_ID,
  calldate: "2026-11-27T11:02:40+02:00",
  caller: TRACKING_NUMBER,
  dst: CALLER,
  call_type: "out",
};

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

export const SAMPLE_CALLS: Readonly<Record<TriggerType, SampleCall>> = deepFreeze({
  "incoming.before_call": {
    occurredAt: "2026-11-27T10:15:04+02:00",
    call: { ...INCOMING_START },
  },
  "incoming.answered": {
    occurredAt: "2026-11-27T10:15:26+02:00",
    call: { ...INCOMING_START, ...OLENA, waittime: 22 },
  },
  "incoming.forwarded": {
    occurredAt: "2026-11-27T10:16:40+02:00",
    call: { ...INCOMING_START, ...OLENA, waittime: 22, forward_destination: "380509998877" },
  },
  "incoming.after_call": {
    occurredAt: "2026-11-27T10:18:08+02:00",
    call: { ...INCOMING_START, ...OLENA, waittime: 22, ...INCOMING_RESULT },
  },
  "incoming.after_evaluation": {
    occurredAt: "2026-11-27T10:18:31+02:00",
    call: {
      ...INCOMING_START,
      ...OLENA,
      waittime: 22,
      ...INCOMING_RESULT,
      category_name: "Якість обслуговування",
      category_value: 5,
      evaluating_employee: OLENA.employee_fio,
    },
  },
  "outgoing.before_call": {
    occurredAt: "2026-11-27T11:02:40+02:00",
    call: { ...OUTGOING_START, ...OLENA },
  },
  "outgoing.after_call": {
    occurredAt: "2026-11-27T11:04:15+02:00",
    call: {
      ...OUTGOING_START,
      ...OLENA,
      waittime: 12,
      disposition: "ANSWERED",
      duration: 95,
      billsec: 83,
      has_recording: true,
      recording: `https://records.example.com/2026/11/27/${OUTGOING_ID}.mp3`,
    },
  },
});

/** A fresh copy of the sample for a trigger type, safe to change. */
export function sampleCallFor(type: TriggerType): SampleCall {
  return structuredClone(SAMPLE_CALLS[type]);
}
