// The demo project's webhook events: what a call-tracking customer typically wires up (a CRM,
// Bitrix24, a Telegram bot, BI, a lookup before the call, the rating menu), each request with
// the way it fails in real life. Used only by `npm run seed:demo`.
import type { WebhookEventInput } from "../model/event-schema";
import type { TriggerType } from "../model/trigger-types";

export type FailureKind =
  | "500"
  | "502"
  | "503"
  | "404"
  | "401"
  | "410"
  | "timeout"
  | "connection"
  | "dns"
  | "tls"
  | "redirect";

/** How one demo request fails: its usual failure rate and the kinds, weighted. */
export type FailureProfile = {
  rate: number;
  kinds: Array<[FailureKind, number]>;
  /** An outage: within these hours ago the rate is `rate` and kinds are `kinds`. */
  incident?: {
    fromHoursAgo: number;
    toHoursAgo: number;
    rate: number;
    kinds: Array<[FailureKind, number]>;
  };
  /** The receiver answered 410 this many hours ago and the request has been paused since. */
  goneHoursAgo?: number;
};

export type DemoEvent = {
  input: WebhookEventInput;
  /** One failure profile per request, in order. */
  profiles: FailureProfile[];
};

export const DEMO_EVENT_PREFIX = "Demo: ";

const JSON_CALL: WebhookEventInput["requests"][number]["params"] = [
  { name: "call_id", type: "text", value: "{{uniqueid}}" },
  { name: "phone", type: "text", value: "{{caller}}" },
  { name: "tracking_number", type: "text", value: "{{dst}}" },
  { name: "started_at", type: "text", value: "{{calldate}}" },
  { name: "duration", type: "text", value: "{{duration}}" },
  { name: "status", type: "text", value: "{{disposition}}" },
  { name: "manager", type: "text", value: "{{employee_fio}}" },
  {
    name: "utm",
    type: "object",
    fields: [
      { name: "source", type: "text", value: "{{utm_source}}" },
      { name: "medium", type: "text", value: "{{utm_medium}}" },
      { name: "campaign", type: "text", value: "{{utm_campaign}}" },
    ],
  },
  { name: "sign", type: "sha256", value: "{{uniqueid}}:demo-secret" },
];

export const DEMO_EVENTS: DemoEvent[] = [
  {
    input: {
      name: `${DEMO_EVENT_PREFIX}CRM call log`,
      type: "incoming.after_call",
      requests: [
        {
          url: "https://crm.example.com/api/v2/calls",
          method: "POST",
          format: "json",
          params: JSON_CALL,
        },
        {
          url: "https://old-crm.example.com/hooks/calls.php",
          method: "POST",
          format: "form",
          params: [
            { name: "id", type: "text", value: "{{uniqueid}}" },
            { name: "phone", type: "text", value: "{{caller}}" },
            { name: "{{Тривалість}}", type: "text", value: "{{duration}}" },
          ],
        },
      ],
    },
    profiles: [
      {
        rate: 0.15,
        kinds: [
          ["500", 4],
          ["502", 3],
          ["503", 3],
          ["timeout", 3],
        ],
        incident: {
          fromHoursAgo: 52,
          toHoursAgo: 49,
          rate: 0.85,
          kinds: [
            ["502", 5],
            ["503", 4],
            ["timeout", 1],
          ],
        },
      },
      {
        rate: 0.06,
        kinds: [
          ["timeout", 2],
          ["connection", 3],
        ],
        goneHoursAgo: 100,
      },
    ],
  },
  {
    input: {
      name: `${DEMO_EVENT_PREFIX}Telegram: call finished`,
      type: "incoming.after_call",
      requests: [
        {
          url: "https://api.telegram.org/bot7000000000:AAdemo/sendMessage",
          method: "GET",
          params: [
            { name: "chat_id", type: "text", value: "-1001234567890" },
            {
              name: "text",
              type: "text",
              value: "{{disposition}} {{caller}} → {{employee_fio}}, {{billsec}} s",
            },
          ],
        },
      ],
    },
    profiles: [
      {
        rate: 0.04,
        kinds: [
          ["connection", 2],
          ["timeout", 1],
          ["502", 1],
        ],
      },
    ],
  },
  {
    input: {
      name: `${DEMO_EVENT_PREFIX}Bitrix24: register the call`,
      type: "incoming.answered",
      requests: [
        {
          url: "https://demo.bitrix24.ua/rest/1/k3y5ecr3t/telephony.externalcall.register.json",
          method: "POST",
          format: "form",
          params: [
            { name: "USER_PHONE_INNER", type: "text", value: "{{employee_number}}" },
            { name: "PHONE_NUMBER", type: "text", value: "{{caller}}" },
            { name: "TYPE", type: "text", value: "2" },
            { name: "CALL_START_DATE", type: "text", value: "{{calldate}}" },
            { name: "CRM_CREATE", type: "text", value: "1" },
          ],
        },
      ],
    },
    profiles: [
      {
        rate: 0.18,
        kinds: [
          ["401", 3],
          ["404", 2],
          ["tls", 1],
          ["503", 2],
        ],
        incident: { fromHoursAgo: 30, toHoursAgo: 24, rate: 0.9, kinds: [["401", 1]] },
      },
    ],
  },
  {
    input: {
      name: `${DEMO_EVENT_PREFIX}Client lookup before the call`,
      type: "incoming.before_call",
      requests: [
        {
          url: "http://crm.example.com/api/lookup?phone={{caller}}",
          method: "GET",
          timeoutMs: 3000,
          params: [{ name: "pool", type: "text", value: "{{pool_name}}" }],
        },
      ],
    },
    profiles: [
      {
        rate: 0.13,
        kinds: [
          ["redirect", 3],
          ["timeout", 4],
          ["500", 1],
        ],
      },
    ],
  },
  {
    input: {
      name: `${DEMO_EVENT_PREFIX}BI: outgoing calls`,
      type: "outgoing.after_call",
      requests: [
        {
          url: "https://bi.example.net/rpc",
          method: "PUT",
          format: "json-rpc",
          rpcMethod: "calls.add",
          params: [
            { name: "call_id", type: "text", value: "{{uniqueid}}" },
            { name: "from", type: "text", value: "{{caller}}" },
            { name: "to", type: "text", value: "{{dst}}" },
            { name: "started_at", type: "text", value: "{{calldate}}" },
            { name: "billsec", type: "text", value: "{{billsec}}" },
            { name: "status", type: "text", value: "{{disposition}}" },
            { name: "manager", type: "text", value: "{{employee_fio}}" },
          ],
        },
      ],
    },
    profiles: [
      {
        rate: 0.3,
        kinds: [
          ["dns", 4],
          ["timeout", 2],
          ["500", 2],
          ["connection", 1],
        ],
      },
    ],
  },
  {
    input: {
      name: `${DEMO_EVENT_PREFIX}Service rating`,
      type: "incoming.after_evaluation",
      requests: [
        {
          url: "https://quality.example.org/hooks/rating",
          method: "POST",
          format: "json",
          params: [
            { name: "call_id", type: "text", value: "{{uniqueid}}" },
            { name: "score", type: "text", value: "{{category_value}}" },
            { name: "employee", type: "text", value: "{{evaluating_employee}}" },
          ],
        },
      ],
    },
    profiles: [
      {
        rate: 0.22,
        kinds: [
          ["404", 3],
          ["500", 2],
          ["tls", 2],
        ],
      },
    ],
  },
];

/** How often each trigger type happens among the demo calls. */
export const TRIGGER_WEIGHTS: Array<[TriggerType, number]> = [
  ["incoming.before_call", 20],
  ["incoming.answered", 18],
  ["incoming.after_call", 30],
  ["incoming.after_evaluation", 10],
  ["outgoing.after_call", 22],
];
