import { describe, expect, it } from "vitest";
import { type WebhookRequestInput, webhookRequestSchema } from "@/lib/model/event-schema";
import { type CallData, headerValueForWire, type RenderContext, renderRequest } from "@/lib/render";

const CONTEXT: RenderContext = {
  projectId: "cm3x1project",
  timeZone: "Europe/Kyiv",
  eventType: "incoming.answered",
  eventTime: "2026-11-29T08:18:30Z",
  deliveryId: "cm3x1delivery",
  gaMeasurementId: "G-ABC123XYZ",
  gaApiSecret: "s3cr3t",
};

const TRICKY = "a b/c&d=e#f";

function render(input: Partial<WebhookRequestInput>, call: Partial<CallData> = {}) {
  const request = webhookRequestSchema.parse({
    url: "https://crm.example.com/hooks",
    method: "POST",
    ...input,
  });
  return renderRequest(request, call, CONTEXT);
}

describe("URL templates", () => {
  it("percent-encode a value in the path and in the query so it cannot break out", () => {
    const { url } = render(
      { url: "https://crm.example.com/api/calls/{{uniqueid}}?ref={{uniqueid}}&x=1" },
      { uniqueid: TRICKY },
    );
    expect(url).toBe(
      "https://crm.example.com/api/calls/a%20b%2Fc%26d%3De%23f?ref=a%20b%2Fc%26d%3De%23f&x=1",
    );
    const parsed = new URL(url);
    expect(parsed.pathname.split("/")).toEqual(["", "api", "calls", "a%20b%2Fc%26d%3De%23f"]);
    expect([...parsed.searchParams]).toEqual([
      ["ref", TRICKY],
      ["x", "1"],
    ]);
    expect(parsed.hash).toBe("");
  });

  it("encode + and a Cyrillic value as UTF-8", () => {
    const { url } = render(
      { url: "https://crm.example.com/staff/{{employee_fio}}?q={{utm_term}}" },
      { employee_fio: "Олена Коваленко", utm_term: "1+1" },
    );
    expect(url).toBe(
      "https://crm.example.com/staff/%D0%9E%D0%BB%D0%B5%D0%BD%D0%B0%20%D0%9A%D0%BE%D0%B2%D0%B0%D0%BB%D0%B5%D0%BD%D0%BA%D0%BE?q=1%2B1",
    );
  });

  it("render context variables and leave an absent value empty", () => {
    const { url } = render({
      url: "https://crm.example.com/p/{{project_id}}/{{delivery_id}}?rec={{recording}}",
    });
    expect(url).toBe("https://crm.example.com/p/cm3x1project/cm3x1delivery?rec=");
  });

  it("keep a port, and come out as WHATWG clients send them", () => {
    expect(render({ url: "http://11.111.111.11:8080/x/{{uniqueid}}" }, { uniqueid: "7" }).url).toBe(
      "http://11.111.111.11:8080/x/7",
    );
    // got and fetch drop a default port, lowercase the host and encode literal non-ASCII text.
    expect(render({ url: "https://CRM.example.com:443/звонки" }).url).toBe(
      "https://crm.example.com/%D0%B7%D0%B2%D0%BE%D0%BD%D0%BA%D0%B8",
    );
  });

  it("encode a typed value as its text", () => {
    const { url } = render(
      { url: "https://crm.example.com/x?d={{duration}}&r={{has_recording}}", dateFormat: "unix" },
      { duration: 184, has_recording: false },
    );
    expect(url).toBe("https://crm.example.com/x?d=184&r=false");
  });
});

describe("headers", () => {
  it("are the stored list, in order with duplicates, values rendered as text", () => {
    const { headers } = render(
      {
        headers: [
          { name: "Content-Type", value: "application/json" },
          { name: "Authorization", value: "Bearer {{ga_api_secret}}" },
          { name: "X-Call-Id", value: "{{uniqueid}}" },
          { name: "X-Employee", value: "{{employee_fio}}" },
          { name: "X-Duration", value: "{{duration}}" },
          { name: "X-Tag", value: "a" },
          { name: "X-Tag", value: "b" },
        ],
      },
      { uniqueid: "1732871234.10452", employee_fio: "Олена Коваленко", duration: 184 },
    );
    expect(headers).toEqual([
      { name: "Content-Type", value: "application/json" },
      { name: "Authorization", value: "Bearer s3cr3t" },
      { name: "X-Call-Id", value: "1732871234.10452" },
      { name: "X-Employee", value: "Олена Коваленко" },
      { name: "X-Duration", value: "184" },
      { name: "X-Tag", value: "a" },
      { name: "X-Tag", value: "b" },
    ]);
  });

  it("refuse a Host header, in any case, naming the header", () => {
    for (const name of ["Host", "host", "HOST"]) {
      const parsed = webhookRequestSchema.safeParse({
        url: "https://crm.example.com/hook",
        method: "POST",
        headers: [
          { name: "X-Token", value: "a" },
          { name, value: "internal.example.com" },
        ],
      });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
        ["headers.1.name", "the host comes from the URL: remove Host"],
      ]);
    }
  });

  it("cannot be split by a line break inside a value", () => {
    const { headers } = render(
      { headers: [{ name: "X-Employee", value: "{{employee_fio}}" }] },
      { employee_fio: " Olena\r\nX-Evil: 1\u0000\t" },
    );
    expect(headers).toEqual([{ name: "X-Employee", value: "Olena  X-Evil: 1" }]);
  });

  it("get the automatic Content-Type of the method and format when none were given", () => {
    const contentType = (input: Partial<WebhookRequestInput>) => render(input).headers;
    expect(contentType({ format: "json" })).toEqual([
      { name: "Content-Type", value: "application/json; charset=utf-8" },
    ]);
    expect(contentType({ format: "json-rpc", rpcMethod: "m" })).toEqual([
      { name: "Content-Type", value: "application/json; charset=utf-8" },
    ]);
    expect(contentType({ format: "form" })).toEqual([
      { name: "Content-Type", value: "application/x-www-form-urlencoded" },
    ]);
    expect(contentType({ format: "raw" })).toEqual([
      { name: "Content-Type", value: "text/plain; charset=utf-8" },
    ]);
    expect(contentType({ method: "GET", format: "json" })).toEqual([]);
  });

  it("stay without Content-Type when the admin deleted it", () => {
    for (const format of ["json", "json-rpc", "form", "raw"] as const) {
      const rendered = render({ format, rpcMethod: "m", headers: [] });
      expect(rendered.headers).toEqual([]);
      expect(rendered.body).not.toBeNull();
    }
  });

  it("keep an edited Content-Type as the admin wrote it", () => {
    const { headers } = render({
      format: "form",
      headers: [
        { name: "content-type", value: "application/x-www-form-urlencoded; charset=utf-8" },
      ],
    });
    expect(headers).toEqual([
      { name: "content-type", value: "application/x-www-form-urlencoded; charset=utf-8" },
    ]);
  });
});

describe("headerValueForWire", () => {
  it("gives Node one character per UTF-8 byte", () => {
    const wire = headerValueForWire("Олена");
    expect(Buffer.from(wire, "latin1")).toEqual(
      Buffer.from([0xd0, 0x9e, 0xd0, 0xbb, 0xd0, 0xb5, 0xd0, 0xbd, 0xd0, 0xb0]),
    );
    expect(headerValueForWire("plain ascii")).toBe("plain ascii");
  });
});
