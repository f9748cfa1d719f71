import { describe, expect, it } from "vitest";
import { parseCallForTrigger } from "@/lib/model/call-event";
import {
  CATALOG,
  type CatalogVariable,
  callVariablesFor,
  findVariable,
  variablesFor,
} from "@/lib/model/catalog";
import { TRIGGER_TYPES, type TriggerType } from "@/lib/model/trigger-types";

const BEFORE_CALL: TriggerType[] = ["incoming.before_call", "outgoing.before_call"];
const ONLY_AFTER_CALL = ["duration", "billsec", "disposition", "recording", "has_recording"];

// The core set, named as the platform's call log names them.
const DESIGN_CALL_VARIABLES = [
  "uniqueid",
  "calldate",
  "caller",
  "dst",
  "pool_name",
  "call_type",
  "disposition",
  "duration",
  "billsec",
  "waittime",
  "has_recording",
  "recording",
  "utm_source",
  "utm_medium",
  "utm_campaign",
  "utm_content",
  "utm_term",
  "client_id",
  "remote_ip",
  "landing",
  "referrer",
  "employee_number",
  "employee_fio",
  "department",
  "scheme_name",
  "forward_destination",
  "category_name",
  "category_value",
  "evaluating_employee",
];
const DESIGN_CONTEXT_VARIABLES = ["project_id", "event_type", "event_time", "delivery_id"];

function exampleMatchesType({ type, example }: CatalogVariable): boolean {
  switch (type) {
    case "string":
      return typeof example === "string" && example.length > 0;
    case "number":
      return typeof example === "number" && Number.isFinite(example);
    case "boolean":
      return typeof example === "boolean";
    case "date":
      return (
        typeof example === "string" && /[T ]\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(example)
      );
    case "url":
      return typeof example === "string" && /^https?:\/\//.test(example) && URL.canParse(example);
  }
}

function triggersOf(id: string): readonly TriggerType[] {
  const variable = findVariable(id);
  if (!variable) throw new Error(`${id} is not in the catalog`);
  return variable.triggers;
}

describe("parameter catalog", () => {
  it("has unique snake_case ids", () => {
    const ids = CATALOG.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(id))).toEqual([]);
  });

  it("gives every variable a label, a description and an example of its own type", () => {
    const incomplete = CATALOG.filter(
      (v) => !v.label.trim() || !v.description.trim() || !exampleMatchesType(v),
    );
    expect(incomplete.map((v) => v.id)).toEqual([]);
  });

  it("ties every variable to known trigger types; context variables to all of them", () => {
    for (const variable of CATALOG) {
      expect(variable.triggers.length, variable.id).toBeGreaterThan(0);
      expect(new Set(variable.triggers).size, variable.id).toBe(variable.triggers.length);
      for (const trigger of variable.triggers) expect(TRIGGER_TYPES).toContain(trigger);
      if (variable.source === "context")
        expect([...variable.triggers].sort()).toEqual([...TRIGGER_TYPES].sort());
    }
  });

  it("holds every variable of the core set, from the right source", () => {
    for (const id of DESIGN_CALL_VARIABLES) expect(findVariable(id)?.source, id).toBe("call");
    for (const id of DESIGN_CONTEXT_VARIABLES) expect(findVariable(id)?.source, id).toBe("context");
  });

  it("gives every trigger type the call's id, time, numbers and type", () => {
    for (const id of ["uniqueid", "calldate", "caller", "dst", "call_type"]) {
      expect([...triggersOf(id)].sort(), id).toEqual([...TRIGGER_TYPES].sort());
    }
  });

  it.each(BEFORE_CALL)("%s carries no duration, result or recording", (type) => {
    const ids = variablesFor(type).map((v) => v.id);
    expect(ids.filter((id) => ONLY_AFTER_CALL.includes(id))).toEqual([]);
    expect(ids).not.toContain("waittime");
  });

  it("has forward_destination only at the moment of forwarding", () => {
    expect(triggersOf("forward_destination")).toEqual(["incoming.forwarded"]);
  });

  it.each(["category_name", "category_value", "evaluating_employee"])(
    "has %s only after the evaluation menu",
    (id) => {
      expect(triggersOf(id)).toEqual(["incoming.after_evaluation"]);
    },
  );

  it("keeps ad and visit data to incoming calls", () => {
    for (const id of ["pool_name", "utm_source", "client_id", "landing", "referrer"]) {
      expect(
        triggersOf(id).every((t) => t.startsWith("incoming.")),
        id,
      ).toBe(true);
    }
  });

  it("lists call variables per trigger without context variables", () => {
    for (const type of TRIGGER_TYPES) {
      const call = callVariablesFor(type);
      expect(call.every((v) => v.source === "call")).toBe(true);
      expect(call.length).toBeLessThan(variablesFor(type).length);
    }
    expect(findVariable("no_such_variable")).toBeUndefined();
  });

  it("has examples the call schema accepts at every moment that carries them", () => {
    const refused: string[] = [];
    for (const type of TRIGGER_TYPES) {
      for (const variable of callVariablesFor(type)) {
        try {
          parseCallForTrigger(type, {
            uniqueid: "1795767304.10452",
            [variable.id]: variable.example,
          });
        } catch {
          refused.push(`${type}: ${variable.id}`);
        }
      }
    }
    expect(refused).toEqual([]);
  });
});
