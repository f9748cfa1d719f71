// Bad arguments for server actions, and the check every action result must pass: a failed
// result whose message or field errors name what is wrong.
import fc from "fast-check";
import { expect } from "vitest";
import type { ActionResult } from "@/app/_actions/action-result";
import { type BadInput, controlText, hugeText, preview, valueNotOf } from "./fuzz";

/** Values a server action can receive that JSON cannot carry. */
export const exoticValue: fc.Arbitrary<unknown> = fc.constantFrom(
  undefined,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  new Date(0),
  new Map([["projectId", "x"]]),
  new Set(["x"]),
  10n,
  new Uint8Array([1, 2, 3]),
  Symbol.for("x"),
);

/** A bad value for an id argument and what its failure must name. */
export function badIdArgument(
  name: string,
  strangers: { ids: string[]; names: string },
): fc.Arbitrary<{ value: unknown; names: string; why: string }> {
  return fc.oneof(
    fc
      .oneof(
        exoticValue,
        valueNotOf("string"),
        controlText,
        hugeText(100),
        fc.constantFrom("", " ", "a b", "../x", "a/b", "a\u0000b"),
      )
      .map((value) => ({ value, names: name, why: `${name} = ${show(value)}` })),
    fc.constantFrom(...strangers.ids).map((value) => ({
      value,
      names: strangers.names,
      why: `${name} = ${value}, not this project's`,
    })),
  );
}

/** A bad value for a whole document argument: not an object at all (named "root"). */
export const notADocument: fc.Arbitrary<unknown> = fc.oneof(exoticValue, valueNotOf("object"));

export function show(value: unknown): string {
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "symbol") return String(value);
  if (value instanceof Map || value instanceof Set)
    return `${value.constructor.name}(${value.size})`;
  try {
    return preview(value);
  } catch {
    return String(value);
  }
}

/** The action failed, and its message or one of its field errors names `names`. */
export function expectFailedResult(result: ActionResult<unknown>, bad: BadInput<unknown>): void {
  const context = `${bad.why} → ${show(result)}`;
  expect(result.ok, context).toBe(false);
  if (result.ok) return;
  // `names` may list alternatives ("root|ids"); "*" is any field the form can highlight (an
  // object of the wrong class, a Set, has none of the fields: each is named missing).
  const fields = Object.keys(result.fieldErrors).map((key) => key.toLowerCase());
  const texts = [result.message, ...Object.values(result.fieldErrors)].map((t) => t.toLowerCase());
  const named = bad.names
    .toLowerCase()
    .split("|")
    .some(
      (wanted) =>
        (wanted === "*" && fields.length > 0) ||
        texts.some((text) => text.includes(wanted)) ||
        fields.some(
          (key) => key === wanted || key.startsWith(`${wanted}.`) || key.startsWith(`${wanted}[`),
        ),
    );
  expect(named, `the failure should name ${JSON.stringify(bad.names)}: ${context}`).toBe(true);
}
