// Golden tests: every expected body and URL below is written out by hand (percent-encodings
// checked with Python's urllib, digests with sha256sum), never produced by the code under test.
import { describe, expect, it } from "vitest";
import { type WebhookRequestInput, webhookRequestSchema } from "@/lib/model/event-schema";
import { type CallData, type RenderContext, renderRequest } from "@/lib/render";

const CALL: Partial<CallData> = {
  uniqueid: "1732871234.10452",
  calldate: "2026-11-29T08:15:04Z",
  caller: "380671234567",
  call_type: "in",
  duration: 184,
  has_recording: true,
  utm_source: "google",
  utm_medium: "cpc",
  employee_fio: "Олена Коваленко",
};

const CONTEXT: RenderContext = {
  projectId: "cm3x1project",
  timeZone: "Europe/Kyiv",
  eventType: "incoming.after_call",
  eventTime: "2026-11-29T08:18:30Z",
  deliveryId: "cm3x1delivery",
};

function render(input: WebhookRequestInput, call: Partial<CallData> = CALL) {
  const rendered = renderRequest(webhookRequestSchema.parse(input), call, CONTEXT);
  const text = rendered.body === null ? null : new TextDecoder().decode(rendered.body);
  return { ...rendered, text };
}

// The request of the request model in docs/architecture.md.
const PARAMS: WebhookRequestInput["params"] = [
  { name: "call_id", type: "text", value: "{{uniqueid}}" },
  { name: "utm", type: "array", items: ["{{utm_source}}", "{{utm_medium}}"] },
  {
    name: "client",
    type: "object",
    fields: [
      { name: "phone", type: "text", value: "{{caller}}" },
      { name: "tags", type: "array", items: ["{{call_type}}"] },
    ],
  },
  { name: "{{Имя сотрудника}}", type: "text", value: "{{employee_fio}}" },
  { name: "sign", type: "sha256", value: "{{uniqueid}}:my-secret" },
];

// printf '%s' '1732871234.10452:my-secret' | sha256sum
const SIGN = "723677920ab95289d50f80f47d9fbb409f8d4f81d855cdd4c123ad30ba971734";
const NAME_ENCODED =
  "%D0%98%D0%BC%D1%8F+%D1%81%D0%BE%D1%82%D1%80%D1%83%D0%B4%D0%BD%D0%B8%D0%BA%D0%B0";
const FIO_ENCODED =
  "%D0%9E%D0%BB%D0%B5%D0%BD%D0%B0+%D0%9A%D0%BE%D0%B2%D0%B0%D0%BB%D0%B5%D0%BD%D0%BA%D0%BE";

const JSON_PARAMS = `{"call_id":"1732871234.10452","utm":["google","cpc"],"client":{"phone":"380671234567","tags":["in"]},"Имя сотрудника":"Олена Коваленко","sign":"${SIGN}"}`;
const FORM_PARAMS =
  "call_id=1732871234.10452&utm%5B%5D=google&utm%5B%5D=cpc&client%5Bphone%5D=380671234567" +
  `&client%5Btags%5D%5B%5D=in&${NAME_ENCODED}=${FIO_ENCODED}&sign=${SIGN}`;

const URL_WITH_QUERY = "https://crm.example.com/hooks/ringo?src=calls";

describe.each(["POST", "PUT"] as const)("%s bodies", (method) => {
  it("json: a JSON object of the parameters, UTF-8 encoded", () => {
    const rendered = render({ url: URL_WITH_QUERY, method, format: "json", params: PARAMS });
    expect(rendered.method).toBe(method);
    expect(rendered.url).toBe(URL_WITH_QUERY);
    expect(rendered.headers).toEqual([
      { name: "Content-Type", value: "application/json; charset=utf-8" },
    ]);
    expect(rendered.text).toBe(JSON_PARAMS);
    expect(Buffer.from(rendered.body ?? [])).toEqual(Buffer.from(JSON_PARAMS, "utf8"));
  });

  it("json-rpc: the parameters in a JSON-RPC 2.0 envelope whose id is the delivery id", () => {
    const rendered = render({
      url: URL_WITH_QUERY,
      method,
      format: "json-rpc",
      rpcMethod: "call.finished",
      params: PARAMS,
    });
    expect(rendered.headers).toEqual([
      { name: "Content-Type", value: "application/json; charset=utf-8" },
    ]);
    expect(rendered.text).toBe(
      `{"jsonrpc":"2.0","method":"call.finished","params":${JSON_PARAMS},"id":"cm3x1delivery"}`,
    );
  });

  it("form: bracketed keys, UTF-8 percent-encoded, spaces as +", () => {
    const rendered = render({ url: URL_WITH_QUERY, method, format: "form", params: PARAMS });
    expect(rendered.headers).toEqual([
      { name: "Content-Type", value: "application/x-www-form-urlencoded" },
    ]);
    expect(rendered.text).toBe(FORM_PARAMS);
  });

  it("raw: the body template as text, nothing escaped, parameters unused", () => {
    const rendered = render({
      url: URL_WITH_QUERY,
      method,
      format: "raw",
      body: 'call {{uniqueid}} from {{caller}} to "{{employee_fio}}" at {{calldate}}\n{"d":{{duration}}}',
      params: PARAMS,
    });
    expect(rendered.headers).toEqual([
      { name: "Content-Type", value: "text/plain; charset=utf-8" },
    ]);
    expect(rendered.text).toBe(
      'call 1732871234.10452 from 380671234567 to "Олена Коваленко" at 2026-11-29 10:15:04\n{"d":184}',
    );
  });

  it("raw without a body template sends an empty body", () => {
    const rendered = render({ url: URL_WITH_QUERY, method, format: "raw" });
    expect(rendered.body).toEqual(new Uint8Array(0));
  });

  it("json and form without parameters send {} and an empty body", () => {
    expect(render({ url: URL_WITH_QUERY, method, format: "json" }).text).toBe("{}");
    expect(render({ url: URL_WITH_QUERY, method, format: "form" }).text).toBe("");
  });
});

describe("GET", () => {
  it("sends no body and puts the parameters after the URL's own query, flattened like form", () => {
    const rendered = render({ url: URL_WITH_QUERY, method: "GET", params: PARAMS });
    expect(rendered.method).toBe("GET");
    expect(rendered.body).toBeNull();
    expect(rendered.headers).toEqual([]);
    expect(rendered.url).toBe(`${URL_WITH_QUERY}&${FORM_PARAMS}`);
  });

  it("ignores the format", () => {
    for (const format of ["json", "json-rpc", "form", "raw"] as const) {
      const rendered = render({
        url: URL_WITH_QUERY,
        method: "GET",
        format,
        rpcMethod: "call.finished",
        body: "ignored",
        params: PARAMS,
      });
      expect(rendered.url).toBe(`${URL_WITH_QUERY}&${FORM_PARAMS}`);
      expect(rendered.body).toBeNull();
    }
  });

  it("keeps the port and merges after the query of an IP address URL", () => {
    const rendered = render({
      url: "http://11.111.111.11:8080/x?src=calls",
      method: "GET",
      params: [{ name: "call_id", type: "text", value: "{{uniqueid}}" }],
    });
    expect(rendered.url).toBe("http://11.111.111.11:8080/x?src=calls&call_id=1732871234.10452");
  });

  it("starts the query when the URL has none, and after a bare ? or a trailing &", () => {
    const params: WebhookRequestInput["params"] = [{ name: "a", type: "text", value: "1" }];
    const url = (base: string) => render({ url: base, method: "GET", params }).url;
    expect(url("https://crm.example.com/x")).toBe("https://crm.example.com/x?a=1");
    expect(url("https://crm.example.com/x?")).toBe("https://crm.example.com/x?a=1");
    expect(url("https://crm.example.com/x?b=2&")).toBe("https://crm.example.com/x?b=2&a=1");
  });

  it("puts the parameters before a fragment", () => {
    const rendered = render({
      url: "https://crm.example.com/x?b=2#top",
      method: "GET",
      params: [{ name: "a", type: "text", value: "1" }],
    });
    expect(rendered.url).toBe("https://crm.example.com/x?b=2&a=1#top");
  });

  it("leaves the URL alone without parameters", () => {
    expect(render({ url: URL_WITH_QUERY, method: "GET" }).url).toBe(URL_WITH_QUERY);
  });
});

describe("typed placeholders", () => {
  const params: WebhookRequestInput["params"] = [
    { name: "number", type: "text", value: "{{duration}}" },
    { name: "boolean", type: "text", value: "{{has_recording}}" },
    { name: "absent", type: "text", value: "{{recording}}" },
    { name: "mixed", type: "text", value: "{{duration}} s" },
    { name: "flag", type: "text", value: "rec={{has_recording}}" },
    { name: "string", type: "text", value: "{{caller}}" },
    { name: "spaced", type: "text", value: "{{ duration }}" },
    { name: "literal", type: "text", value: "184" },
    {
      name: "items",
      type: "array",
      items: ["{{duration}}", "{{has_recording}}", "{{recording}}", "x {{duration}}"],
    },
  ];

  it("keep the variable's JSON type in json; mixed text is a string", () => {
    expect(render({ url: URL_WITH_QUERY, method: "POST", format: "json", params }).text).toBe(
      '{"number":184,"boolean":true,"absent":null,"mixed":"184 s","flag":"rec=true",' +
        '"string":"380671234567","spaced":184,"literal":"184","items":[184,true,null,"x 184"]}',
    );
  });

  it("keep it in json-rpc params too", () => {
    const rendered = render({
      url: URL_WITH_QUERY,
      method: "POST",
      format: "json-rpc",
      rpcMethod: "m",
      params: params.slice(0, 3),
    });
    expect(rendered.text).toBe(
      '{"jsonrpc":"2.0","method":"m","params":{"number":184,"boolean":true,"absent":null},"id":"cm3x1delivery"}',
    );
  });

  it("are text in form and GET: numbers as printed, true/false, null as empty", () => {
    const expected =
      "number=184&boolean=true&absent=&mixed=184+s&flag=rec%3Dtrue&string=380671234567&spaced=184" +
      "&literal=184&items%5B%5D=184&items%5B%5D=true&items%5B%5D=&items%5B%5D=x+184";
    expect(render({ url: URL_WITH_QUERY, method: "PUT", format: "form", params }).text).toBe(
      expected,
    );
    expect(render({ url: URL_WITH_QUERY, method: "GET", params }).url).toBe(
      `${URL_WITH_QUERY}&${expected}`,
    );
  });

  it("are text in raw bodies", () => {
    const rendered = render({
      url: URL_WITH_QUERY,
      method: "POST",
      format: "raw",
      body: "{{duration}}|{{has_recording}}|{{recording}}|",
    });
    expect(rendered.text).toBe("184|true||");
  });
});

describe("nested parameters", () => {
  // The shape of a GA4 Measurement Protocol payload: an array of event objects.
  const params: WebhookRequestInput["params"] = [
    { name: "client_id", type: "text", value: "{{uniqueid}}" },
    {
      name: "events",
      type: "array",
      items: [
        {
          type: "object",
          fields: [
            { name: "name", type: "text", value: "phone_call" },
            {
              name: "params",
              type: "object",
              fields: [
                { name: "duration", type: "text", value: "{{duration}}" },
                { name: "labels", type: "array", items: ["{{utm_source}}", "{{utm_medium}}"] },
                {
                  name: "deep",
                  type: "object",
                  fields: [
                    {
                      name: "deeper",
                      type: "object",
                      fields: [{ name: "leaf", type: "text", value: "{{call_type}}" }],
                    },
                  ],
                },
              ],
            },
          ],
        },
        { type: "object", fields: [{ name: "name", type: "text", value: "second" }] },
      ],
    },
  ];

  it("json: objects and arrays of objects to any depth", () => {
    expect(render({ url: URL_WITH_QUERY, method: "POST", format: "json", params }).text).toBe(
      '{"client_id":"1732871234.10452","events":[{"name":"phone_call","params":{"duration":184,' +
        '"labels":["google","cpc"],"deep":{"deeper":{"leaf":"in"}}}},{"name":"second"}]}',
    );
  });

  it("form and GET: objects in arrays are indexed, arrays of values use []", () => {
    const expected =
      "client_id=1732871234.10452" +
      "&events%5B0%5D%5Bname%5D=phone_call" +
      "&events%5B0%5D%5Bparams%5D%5Bduration%5D=184" +
      "&events%5B0%5D%5Bparams%5D%5Blabels%5D%5B%5D=google" +
      "&events%5B0%5D%5Bparams%5D%5Blabels%5D%5B%5D=cpc" +
      "&events%5B0%5D%5Bparams%5D%5Bdeep%5D%5Bdeeper%5D%5Bleaf%5D=in" +
      "&events%5B1%5D%5Bname%5D=second";
    expect(render({ url: URL_WITH_QUERY, method: "POST", format: "form", params }).text).toBe(
      expected,
    );
    expect(render({ url: URL_WITH_QUERY, method: "GET", params }).url).toBe(
      `${URL_WITH_QUERY}&${expected}`,
    );
  });

  it("a list holding an object indexes its values too", () => {
    const mixed: WebhookRequestInput["params"] = [
      {
        name: "m",
        type: "array",
        items: [
          "{{utm_source}}",
          { type: "object", fields: [{ name: "k", type: "text", value: "v" }] },
        ],
      },
    ];
    expect(render({ url: URL_WITH_QUERY, method: "POST", params: mixed }).text).toBe(
      '{"m":["google",{"k":"v"}]}',
    );
    expect(
      render({ url: URL_WITH_QUERY, method: "POST", format: "form", params: mixed }).text,
    ).toBe("m%5B0%5D=google&m%5B1%5D%5Bk%5D=v");
  });

  it("empty arrays and objects are [] and {} in json and absent in form", () => {
    const params: WebhookRequestInput["params"] = [
      { name: "e", type: "array", items: [] },
      { name: "o", type: "object", fields: [] },
      { name: "x", type: "text", value: "1" },
    ];
    expect(render({ url: URL_WITH_QUERY, method: "POST", params }).text).toBe(
      '{"e":[],"o":{},"x":"1"}',
    );
    expect(render({ url: URL_WITH_QUERY, method: "POST", format: "form", params }).text).toBe(
      "x=1",
    );
  });
});

describe("parameter names", () => {
  it("a repeated name: the last value wins in json, every pair is sent in form", () => {
    const params: WebhookRequestInput["params"] = [
      { name: "a", type: "text", value: "first" },
      { name: "b", type: "text", value: "x" },
      { name: "{{a}}", type: "text", value: "second" },
    ];
    expect(render({ url: URL_WITH_QUERY, method: "POST", params }).text).toBe(
      '{"a":"second","b":"x"}',
    );
    expect(render({ url: URL_WITH_QUERY, method: "POST", format: "form", params }).text).toBe(
      "a=first&b=x&a=second",
    );
  });

  it("json keeps the admin's order, integer-like names included, and __proto__ is a plain key", () => {
    const params: WebhookRequestInput["params"] = [
      { name: "b", type: "text", value: "1" },
      { name: "10", type: "text", value: "2" },
      { name: "__proto__", type: "text", value: "3" },
    ];
    expect(render({ url: URL_WITH_QUERY, method: "POST", params }).text).toBe(
      '{"b":"1","10":"2","__proto__":"3"}',
    );
  });

  it("a {{ }} name with spaces inside the braces is sent trimmed, in every format", () => {
    const params: WebhookRequestInput["params"] = [
      {
        name: "{{ Дата дзвінка }}",
        type: "object",
        fields: [{ name: "{{Відділ}}", type: "text", value: "{{call_type}}" }],
      },
    ];
    const key =
      "%D0%94%D0%B0%D1%82%D0%B0+%D0%B4%D0%B7%D0%B2%D1%96%D0%BD%D0%BA%D0%B0%5B%D0%92%D1%96%D0%B4%D0%B4%D1%96%D0%BB%5D";
    expect(render({ url: URL_WITH_QUERY, method: "POST", params }).text).toBe(
      '{"Дата дзвінка":{"Відділ":"in"}}',
    );
    expect(
      render({ url: URL_WITH_QUERY, method: "PUT", format: "json-rpc", rpcMethod: "m", params })
        .text,
    ).toBe(
      '{"jsonrpc":"2.0","method":"m","params":{"Дата дзвінка":{"Відділ":"in"}},"id":"cm3x1delivery"}',
    );
    expect(render({ url: URL_WITH_QUERY, method: "POST", format: "form", params }).text).toBe(
      `${key}=in`,
    );
    expect(render({ url: URL_WITH_QUERY, method: "GET", params }).url).toBe(
      `${URL_WITH_QUERY}&${key}=in`,
    );
  });
});
