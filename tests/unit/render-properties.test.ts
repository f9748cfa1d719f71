// Property tests: random parameter trees rendered as json, json-rpc, form and GET must read back
// (JSON.parse, qs.parse) as the tree an independent model of the spec predicts.
import { createHash } from "node:crypto";
import fc from "fast-check";
import qs from "qs";
import { describe, expect, it } from "vitest";
import {
  type Param,
  type WebhookRequestInput,
  webhookRequestSchema,
} from "@/lib/model/event-schema";
import { type CallData, type RenderContext, renderRequest } from "@/lib/render";

type Scalar = string | number | boolean | null;
type Model = Scalar | Model[] | { [name: string]: Model };

/** A template with the value and text it must render to. */
type ValueSpec = { template: string; typed: Scalar; text: string };
type NameSpec = { name: string; sent: string };
type ParamSpec = NameSpec &
  (
    | { kind: "text"; value: ValueSpec }
    | { kind: "md5"; value: ValueSpec }
    | { kind: "array"; items: ItemSpec[] }
    | { kind: "object"; fields: ParamSpec[] }
  );
type ItemSpec = { kind: "value"; value: ValueSpec } | { kind: "object"; fields: ParamSpec[] };

const CALL: Partial<CallData> = {
  caller: "380671234567",
  employee_fio: "Олена Коваленко",
  utm_term: "buy phone & more=1#x+y",
  duration: 184,
  has_recording: true,
};
// `recording` is absent from the call: it renders as null.
const TYPED: Record<string, Scalar> = { ...(CALL as Record<string, Scalar>), recording: null };

const CONTEXT: RenderContext = {
  projectId: "p",
  timeZone: "Europe/Kyiv",
  eventType: "incoming.after_call",
  eventTime: "2026-11-29T08:18:30Z",
  deliveryId: "delivery-1",
};

const RUNS = { numRuns: 200 };

const asText = (value: Scalar) => (value === null ? "" : String(value));

// Literal text is any Unicode but braces, so it cannot form a placeholder with its neighbours,
// and but NUL, which templates refuse (PostgreSQL cannot store it).
const literal = fc
  .string({ unit: "binary", maxLength: 12 })
  .filter((s) => !/[{}]/.test(s) && !s.includes("\u0000"));
const variable = fc.constantFrom(...Object.keys(TYPED));

const valueSpec: fc.Arbitrary<ValueSpec> = fc.oneof(
  literal.map((text) => ({ template: text, typed: text, text })),
  variable.map((name) => ({
    template: `{{${name}}}`,
    typed: TYPED[name] ?? null,
    text: asText(TYPED[name] ?? null),
  })),
  fc
    .tuple(literal, variable, literal)
    .filter(([before, , after]) => before + after !== "")
    .map(([before, name, after]) => {
      const text = `${before}${asText(TYPED[name] ?? null)}${after}`;
      return { template: `${before}{{${name}}}${after}`, typed: text, text };
    }),
);

// Names start with a letter: an object field named like `0` reads back from form as an array
// index (in qs and PHP alike), which is the form convention, not a renderer property.
const nameSpec: fc.Arbitrary<NameSpec> = fc.oneof(
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,7}$/).map((name) => ({ name, sent: name })),
  fc
    .stringMatching(/^ ?[А-Яа-яЇїІіЄєҐґA-Za-z][А-Яа-яЇїІіЄєҐґA-Za-z0-9 ]{0,9}$/)
    .map((inner) => ({ name: `{{${inner}}}`, sent: inner.trim() })),
);

const { fields: treeSpec } = fc.letrec<{ fields: ParamSpec[]; param: ParamSpec; item: ItemSpec }>(
  (tie) => ({
    fields: fc.uniqueArray(tie("param"), { maxLength: 3, selector: (param) => param.sent }),
    param: fc.oneof(
      { maxDepth: 3, depthIdentifier: "tree" },
      fc
        .tuple(nameSpec, valueSpec)
        .map(([name, value]): ParamSpec => ({ ...name, kind: "text", value })),
      fc
        .tuple(nameSpec, valueSpec)
        .map(([name, value]): ParamSpec => ({ ...name, kind: "md5", value })),
      fc
        .tuple(nameSpec, fc.array(tie("item"), { maxLength: 3 }))
        .map(([name, items]): ParamSpec => ({ ...name, kind: "array", items })),
      fc
        .tuple(nameSpec, tie("fields"))
        .map(([name, fields]): ParamSpec => ({ ...name, kind: "object", fields })),
    ),
    item: fc.oneof(
      { maxDepth: 3, depthIdentifier: "tree" },
      valueSpec.map((value): ItemSpec => ({ kind: "value", value })),
      tie("fields").map((fields): ItemSpec => ({ kind: "object", fields })),
    ),
  }),
);

function toParams(fields: ParamSpec[]): Param[] {
  return fields.map(toParam);
}

function toParam(spec: ParamSpec): Param {
  if (spec.kind === "text" || spec.kind === "md5") {
    return { name: spec.name, type: spec.kind, value: spec.value.template };
  }
  if (spec.kind === "object")
    return { name: spec.name, type: "object", fields: toParams(spec.fields) };
  const items = spec.items.map((item) =>
    item.kind === "value"
      ? item.value.template
      : { type: "object" as const, fields: toParams(item.fields) },
  );
  return { name: spec.name, type: "array", items };
}

/** What the json body must parse back to. */
function toModel(fields: ParamSpec[]): { [name: string]: Model } {
  const model: { [name: string]: Model } = {};
  for (const spec of fields) {
    switch (spec.kind) {
      case "text":
        model[spec.sent] = spec.value.typed;
        break;
      case "md5":
        model[spec.sent] = createHash("md5").update(spec.value.text, "utf8").digest("hex");
        break;
      case "array":
        model[spec.sent] = spec.items.map((item) =>
          item.kind === "value" ? item.value.typed : toModel(item.fields),
        );
        break;
      case "object":
        model[spec.sent] = toModel(spec.fields);
        break;
    }
  }
  return model;
}

/** The json tree as form carries it: leaves as text, empty arrays and objects gone. */
function asFormSees(model: Model): Model | undefined {
  if (Array.isArray(model)) {
    const items = model.map(asFormSees).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (model !== null && typeof model === "object") {
    const entries = Object.entries(model).flatMap(([name, value]) => {
      const seen = asFormSees(value);
      return seen === undefined ? [] : [[name, seen] as const];
    });
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return asText(model);
}

// Wide enough for the generated trees; qs's defaults (depth 5, 20 array items) are not.
const QS_OPTIONS = { depth: 20, arrayLimit: 100, parameterLimit: 10_000, plainObjects: true };

function render(fields: ParamSpec[], shape: Partial<WebhookRequestInput>) {
  const request = webhookRequestSchema.parse({
    url: "https://crm.example.com/hooks?_src=calls",
    method: "POST",
    ...shape,
    params: toParams(fields),
  });
  return renderRequest(request, CALL, CONTEXT);
}

const decode = (body: Uint8Array | null) => new TextDecoder().decode(body ?? new Uint8Array());

describe("rendered parameter trees read back as the tree", () => {
  it("json parses back to the model, typed placeholders included", () => {
    fc.assert(
      fc.property(treeSpec, (fields) => {
        const body = JSON.parse(decode(render(fields, { format: "json" }).body));
        expect(body).toEqual(toModel(fields));
      }),
      RUNS,
    );
  });

  it("json-rpc carries the same tree in params", () => {
    fc.assert(
      fc.property(treeSpec, (fields) => {
        const body = JSON.parse(
          decode(render(fields, { format: "json-rpc", rpcMethod: "m" }).body),
        );
        expect(body).toEqual({
          jsonrpc: "2.0",
          method: "m",
          params: toModel(fields),
          id: "delivery-1",
        });
      }),
      RUNS,
    );
  });

  it("form parses back (qs) to the json rendering with text leaves", () => {
    fc.assert(
      fc.property(treeSpec, (fields) => {
        const json = JSON.parse(decode(render(fields, { format: "json" }).body));
        const form = qs.parse(decode(render(fields, { format: "form" }).body), QS_OPTIONS);
        expect(form).toEqual(asFormSees(json) ?? {});
      }),
      RUNS,
    );
  });

  it("GET's query parses back (qs) to the URL's own query plus the json rendering", () => {
    fc.assert(
      fc.property(treeSpec, (fields) => {
        const json = JSON.parse(decode(render(fields, { format: "json" }).body));
        const { url, body } = render(fields, { method: "GET" });
        expect(body).toBeNull();
        const query = qs.parse(new URL(url).search.slice(1), QS_OPTIONS);
        expect(query).toEqual({ _src: "calls", ...(asFormSees(json) as object | undefined) });
      }),
      RUNS,
    );
  });
});

describe("URL placeholders", () => {
  it("any value reads back from the path segment and the query parameter it stands in", () => {
    // A whole segment of `.` or `..` is a dot segment to every URL parser, encoded or not.
    const value = fc
      .string({ unit: "binary", maxLength: 16 })
      .filter((v) => v !== "." && v !== "..");
    fc.assert(
      fc.property(value, (employee) => {
        const request = webhookRequestSchema.parse({
          url: "https://crm.example.com/a/{{employee_fio}}/b?x={{employee_fio}}&y=1#{{employee_fio}}",
          method: "GET",
        });
        const url = new URL(renderRequest(request, { employee_fio: employee }, CONTEXT).url);
        expect(url.host).toBe("crm.example.com");
        const segments = url.pathname.split("/");
        expect(segments).toHaveLength(4);
        expect(decodeURIComponent(segments[2] ?? "")).toBe(employee);
        expect([...url.searchParams]).toEqual([
          ["x", employee],
          ["y", "1"],
        ]);
        expect(decodeURIComponent(url.hash.slice(1))).toBe(employee);
      }),
      RUNS,
    );
  });
});
