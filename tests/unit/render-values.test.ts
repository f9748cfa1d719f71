import { describe, expect, it } from "vitest";
import { CATALOG, findVariable, variablesFor } from "@/lib/model/catalog";
import { type WebhookRequestInput, webhookRequestSchema } from "@/lib/model/event-schema";
import { sampleCallFor } from "@/lib/model/sample-calls";
import { TRIGGER_TYPES } from "@/lib/model/trigger-types";
import { type CallData, type RenderContext, renderRequest } from "@/lib/render";
import { CONTEXT_VALUES } from "@/lib/render/values";

const CONTEXT: RenderContext = {
  projectId: "cm3x1project",
  timeZone: "Europe/Kyiv",
  eventType: "incoming.after_evaluation",
  eventTime: "2026-11-29T08:18:30Z",
  deliveryId: "cm3x1delivery",
  gaMeasurementId: "G-ABC123XYZ",
  gaApiSecret: "s3cr3t",
};

const decode = (body: Uint8Array | null) => new TextDecoder().decode(body ?? new Uint8Array());

function json(params: WebhookRequestInput["params"], call: Partial<CallData>, context = CONTEXT) {
  const request = webhookRequestSchema.parse({
    url: "https://crm.example.com/h",
    method: "POST",
    params,
  });
  return decode(renderRequest(request, call, context).body);
}

function raw(body: string, call: Partial<CallData> = {}, context = CONTEXT) {
  const request = webhookRequestSchema.parse({
    url: "https://crm.example.com/h",
    method: "POST",
    format: "raw",
    body,
  });
  return decode(renderRequest(request, call, context).body);
}

describe("context variables", () => {
  it("every context variable of the catalog has a source in the render context", () => {
    const contextIds = CATALOG.filter((v) => v.source === "context").map((v) => v.id);
    expect(Object.keys(CONTEXT_VALUES).sort()).toEqual([...contextIds].sort());
  });

  it("come from the context, whatever the call carries under the same name", () => {
    const call = { project_id: "evil", delivery_id: "evil", event_type: "evil" };
    expect(
      raw(
        "{{project_id}}|{{event_type}}|{{event_time}}|{{delivery_id}}|{{ga_measurement_id}}|{{ga_api_secret}}",
        call,
      ),
    ).toBe(
      "cm3x1project|incoming.after_evaluation|2026-11-29 10:18:30|cm3x1delivery|G-ABC123XYZ|s3cr3t",
    );
  });

  it("without GA settings are null in json and empty in text", () => {
    const bare = { ...CONTEXT, gaMeasurementId: null, gaApiSecret: undefined };
    expect(
      json(
        [
          { name: "id", type: "text", value: "{{ga_measurement_id}}" },
          { name: "secret", type: "text", value: "{{ga_api_secret}}" },
        ],
        {},
        bare,
      ),
    ).toBe('{"id":null,"secret":null}');
    expect(raw("[{{ga_api_secret}}]", {}, bare)).toBe("[]");
  });
});

describe("call values", () => {
  it("absent or null: null when typed, empty in text", () => {
    const params: WebhookRequestInput["params"] = [
      { name: "absent", type: "text", value: "{{utm_source}}" },
      { name: "null", type: "text", value: "{{utm_medium}}" },
      { name: "text", type: "text", value: "[{{utm_source}}{{utm_medium}}]" },
    ];
    expect(json(params, { utm_medium: null })).toBe('{"absent":null,"null":null,"text":"[]"}');
  });

  it("take the catalog's type when the platform sends them as text, and only then", () => {
    const params: WebhookRequestInput["params"] = [
      { name: "duration", type: "text", value: "{{duration}}" },
      { name: "billsec", type: "text", value: "{{billsec}}" },
      { name: "waittime", type: "text", value: "{{waittime}}" },
      { name: "score", type: "text", value: "{{category_value}}" },
      { name: "rec", type: "text", value: "{{has_recording}}" },
      { name: "caller", type: "text", value: "{{caller}}" },
      { name: "dst", type: "text", value: "{{dst}}" },
    ];
    const call = {
      duration: "184",
      billsec: "12345678901234567890", // would lose digits as a number
      waittime: "about 20",
      category_value: "4.5",
      has_recording: "false",
      caller: 380671234567,
      dst: true,
    };
    expect(json(params, call)).toBe(
      '{"duration":184,"billsec":"12345678901234567890","waittime":"about 20","score":4.5,' +
        '"rec":false,"caller":"380671234567","dst":"true"}',
    );
  });

  it("an unexpected object is passed on as its JSON text; a non-finite number as null", () => {
    const params: WebhookRequestInput["params"] = [
      { name: "dept", type: "text", value: "{{department}}" },
      { name: "duration", type: "text", value: "{{duration}}" },
    ];
    expect(json(params, { department: { id: 7 }, duration: Number.POSITIVE_INFINITY })).toBe(
      '{"dept":"{\\"id\\":7}","duration":null}',
    );
  });

  it("ignores what the call inherits from Object.prototype", () => {
    expect(raw("[{{caller}}]", Object.create({ caller: "inherited" }) as Partial<CallData>)).toBe(
      "[]",
    );
  });

  it("an unknown variable (validation keeps them out) renders as empty text", () => {
    expect(findVariable("no_such_variable")).toBeUndefined();
    expect(raw("[{{no_such_variable}}]")).toBe("[]");
    expect(json([{ name: "x", type: "text", value: "{{no_such_variable}}" }], {})).toBe('{"x":""}');
  });

  it("lone braces are literal text", () => {
    expect(raw("{ {{caller}} }} {{", { caller: "1" })).toBe("{ 1 }} {{");
  });
});

describe("every catalog variable renders in every format", () => {
  const call: Partial<CallData> = Object.fromEntries(
    CATALOG.filter((v) => v.source === "call").map((v) => [v.id, v.example]),
  );
  const JSON_TYPE = {
    string: "string",
    url: "string",
    date: "string",
    number: "number",
    boolean: "boolean",
  };

  function renderAll(id: string, shape: Partial<WebhookRequestInput>) {
    const request = webhookRequestSchema.parse({
      url: `https://crm.example.com/h/{{${id}}}`,
      method: "POST",
      ...shape,
      headers: [{ name: "X-Value", value: `{{${id}}}` }],
      params: [{ name: "v", type: "text", value: `{{${id}}}` }],
      body: `{{${id}}}`,
    });
    return renderRequest(request, call, CONTEXT);
  }

  for (const variable of CATALOG) {
    it(variable.id, () => {
      // The header shows the value as text; every other place must agree with it.
      const text = renderAll(variable.id, { format: "raw" }).headers[0]?.value ?? "";
      expect(text).not.toBe("");
      expect(decode(renderAll(variable.id, { format: "raw" }).body)).toBe(text);

      const get = new URL(renderAll(variable.id, { method: "GET" }).url);
      expect(decodeURIComponent(get.pathname.split("/")[2] ?? "")).toBe(text);
      expect(get.searchParams.get("v")).toBe(text);

      const form = new URLSearchParams(decode(renderAll(variable.id, { format: "form" }).body));
      expect(form.get("v")).toBe(text);

      for (const format of ["json", "json-rpc"] as const) {
        const body = JSON.parse(decode(renderAll(variable.id, { format, rpcMethod: "m" }).body));
        const value = format === "json" ? body.v : body.params.v;
        expect(typeof value).toBe(JSON_TYPE[variable.type]);
        expect(String(value)).toBe(text);
      }
    });
  }
});

describe("the sample call of every trigger type", () => {
  for (const trigger of TRIGGER_TYPES) {
    it(`${trigger}: each of its variables renders with its catalog type`, () => {
      const { call, occurredAt } = sampleCallFor(trigger);
      const variables = variablesFor(trigger);
      const request = webhookRequestSchema.parse({
        url: "https://crm.example.com/h",
        method: "POST",
        dateFormat: "unix",
        params: variables.map((v) => ({ name: v.id, type: "text", value: `{{${v.id}}}` })),
      });
      const body = JSON.parse(
        decode(
          renderRequest(request, call, { ...CONTEXT, eventType: trigger, eventTime: occurredAt })
            .body,
        ),
      );
      for (const variable of variables) {
        const expected =
          variable.type === "date" ? "number" : variable.type === "url" ? "string" : variable.type;
        const value = body[variable.id];
        // Null only for a variable the sample leaves out (a call may lack its UTM tags).
        if (value === null) expect(variable.source === "call" && !(variable.id in call)).toBe(true);
        else expect(typeof value, variable.id).toBe(expected);
      }
      expect(body.event_time).toBe(Date.parse(occurredAt) / 1000);
    });
  }
});
