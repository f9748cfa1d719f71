import { type Param, webhookRequestSchema } from "../model/event-schema";
import type { TriggerType } from "../model/trigger-types";
import { toWebhookRequestData } from "./serializers";

export const DEFAULT_EVENT_NAME = "Google Analytics";
export const DEFAULT_EVENT_TRIGGER: TriggerType = "incoming.after_call";

const text = (name: string, value: string): Param => ({ name, type: "text", value });

// GA4 Measurement Protocol: one "phone_call" event per finished incoming call, tied to the
// visitor through the analytics client id captured on the landing page. The measurement id
// and API secret are project settings, exposed to templates as context variables.
const GA_PARAMS: Param[] = [
  text("client_id", "{{client_id}}"),
  {
    name: "events",
    type: "array",
    items: [
      {
        type: "object",
        fields: [
          text("name", "phone_call"),
          {
            name: "params",
            type: "object",
            fields: [
              text("call_id", "{{uniqueid}}"),
              text("caller", "{{caller}}"),
              text("called", "{{dst}}"),
              text("call_type", "{{call_type}}"),
              text("disposition", "{{disposition}}"),
              text("duration", "{{duration}}"),
              text("billsec", "{{billsec}}"),
              text("waittime", "{{waittime}}"),
              text("pool_name", "{{pool_name}}"),
              text("source", "{{utm_source}}"),
              text("medium", "{{utm_medium}}"),
              text("campaign", "{{utm_campaign}}"),
              text("content", "{{utm_content}}"),
              text("term", "{{utm_term}}"),
            ],
          },
        ],
      },
    ],
  },
];

/**
 * The locked request of the default event; the endpoint base comes from configuration. It goes
 * through the request schema like any other, so it gets the same defaults and checks.
 */
export function buildDefaultEventRequest(gaEndpoint: string) {
  const base = gaEndpoint.replace(/\/+$/, "");
  const config = webhookRequestSchema.parse({
    url: `${base}/mp/collect?measurement_id={{ga_measurement_id}}&api_secret={{ga_api_secret}}`,
    method: "POST",
    format: "json",
    params: GA_PARAMS,
  });
  return toWebhookRequestData(config, 0);
}
