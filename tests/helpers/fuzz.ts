// Generated bad inputs for the fuzz suite (tests/integration/fuzz-*.test.ts): values of the
// wrong type, missing and unknown fields, huge strings, deep nesting, control characters, and
// the runner that checks each one left every table as it was.
import fc from "fast-check";
import { expect } from "vitest";
import { changedTables, countWrites, dumpDatabase, installWriteCounter } from "./database-dump";

/** Fixed, so a failure replays; set FUZZ_SEED to explore other inputs. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
/** Generated bad inputs per route handler or server action. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 200);

/** One bad input and what its error must name: a field path, a header, "body", a resource. */
export type BadInput<T> = { input: T; names: string; why: string };

export type PathPart = string | number;
/** A JSON document (or a value meant to break one): anything JSON.stringify takes. */
export type Json = unknown;

/** A field path the way the API and the forms print it: `requests[0].url`. */
export function formatPath(path: readonly PathPart[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === "number") return `${out}[${part}]`;
    return out ? `${out}.${part}` : part;
  }, "");
}

const CONTROL = fc.constantFrom(
  "\u0000",
  "\u0001",
  "\u0007",
  "\u0008",
  "\u000b",
  "\u000c",
  "\u001b",
  "\u007f",
  "\r",
  "\n",
);
const LONE_SURROGATE = fc.constantFrom("\ud800", "\udbff", "\udc00", "\udfff");

/** Whether the text has a control character other than tab (what header values refuse). */
export function hasLineBreakOrControl(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for
  return /[\x00-\x08\x0a-\x1f\x7f]/.test(text);
}

/** Text with a control character or a lone UTF-16 surrogate somewhere inside. */
export const controlText: fc.Arbitrary<string> = fc
  .tuple(
    fc.string({ maxLength: 8 }),
    fc.oneof(CONTROL, LONE_SURROGATE),
    fc.string({ maxLength: 8 }),
  )
  // Letters around it: trimming must not take the bad character away.
  .map(([a, bad, b]) => `a${a}${bad}${b}z`);

/** Text with a NUL or a lone UTF-16 surrogate: what no text column or JSON value can store. */
export const unstorableText: fc.Arbitrary<string> = fc
  .tuple(
    fc.string({ maxLength: 8 }),
    fc.oneof(fc.constant("\u0000"), LONE_SURROGATE),
    fc.string({ maxLength: 8 }),
  )
  .map(([a, bad, b]) => `a${a}${bad}${b}`);

/**
 * A string past `limit` characters (code points, as zod counts them) and UTF-8 bytes, even
 * after trimming: one repeated unit, up to `limit` × 2 characters.
 */
export function hugeText(limit: number): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom("x", "я", "€", "𝄞", "x y"),
      fc.integer({ min: limit + 3, max: limit * 2 }),
    )
    .map(([unit, count]) => Array.from(unit.repeat(count)).slice(0, count).join(""));
}

/** JSON text of arrays and objects nested `depth` deep (built as text: no recursion). */
export function nestedText(depth: number): string {
  const open: string[] = [];
  const close: string[] = [];
  for (let i = 0; i < depth; i += 1) {
    open.push(i % 2 === 0 ? "[" : '{"k":');
    close.push(i % 2 === 0 ? "]" : "}");
  }
  return `${open.join("")}1${close.reverse().join("")}`;
}

export const JSON_KINDS = ["string", "number", "boolean", "null", "array", "object"] as const;
export type JsonKind = (typeof JSON_KINDS)[number];

export function kindOf(value: unknown): JsonKind {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  const kind = typeof value;
  if (kind === "string" || kind === "number" || kind === "boolean") return kind;
  return "object";
}

const valueOfKind: Record<JsonKind, fc.Arbitrary<Json>> = {
  string: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom("", "true", "1", "null", "[]")),
  number: fc.oneof(
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, -1, 1e308, -0, 2 ** 53 + 1),
  ),
  boolean: fc.boolean(),
  null: fc.constant(null),
  array: fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 4 }),
  object: fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.integer(), { maxKeys: 3 }),
};

/** A JSON value of any kind except the ones listed. */
export function valueNotOf(...allowed: JsonKind[]): fc.Arbitrary<Json> {
  const kinds = JSON_KINDS.filter((kind) => !allowed.includes(kind));
  return fc.constantFrom(...kinds).chain((kind) => valueOfKind[kind]);
}

/**
 * What is wrong with one field: `kinds` are the JSON kinds it accepts (anything else is a
 * wrong type), `required` whether leaving it out is an error, `bad` values of the right kind
 * that are still refused (too long, out of range, not one of the choices, control characters).
 */
export type FieldSpec = {
  path: PathPart[];
  kinds: JsonKind[];
  required?: boolean;
  bad?: fc.Arbitrary<Json>;
};

function getAt(base: Json, path: readonly PathPart[]): Json {
  let node = base as Record<PathPart, Json>;
  for (const part of path) node = node[part] as Record<PathPart, Json>;
  return node;
}

function setAt(base: Json, path: readonly PathPart[], value: Json | undefined): Json {
  const copy = structuredClone(base);
  let node = copy as Record<PathPart, Json>;
  for (const part of path.slice(0, -1)) node = node[part] as Record<PathPart, Json>;
  const last = path.at(-1) as PathPart;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

/**
 * Bad versions of a valid JSON document: one field of the wrong type, left out, or holding a
 * refused value; or an unknown field added to one of the strict objects named in `strict`.
 */
export function badDocuments(
  base: Json,
  fields: FieldSpec[],
  strict: PathPart[][] = [[]],
): fc.Arbitrary<BadInput<Json>> {
  const typed = fields.filter((field) => field.kinds.length < JSON_KINDS.length);
  const wrongType = fc.constantFrom(...typed).chain((field) =>
    valueNotOf(...field.kinds).map((value) => ({
      input: setAt(base, field.path, value),
      names: formatPath(field.path),
      why: `${formatPath(field.path)} = ${preview(value)}`,
    })),
  );
  const required = fields.filter((field) => field.required);
  const missing = fc.constantFrom(...(required.length ? required : fields)).map((field) => ({
    input: field.required ? setAt(base, field.path, undefined) : base,
    names: formatPath(field.path),
    why: `${formatPath(field.path)} left out`,
  }));
  const withBad = fields.filter((field) => field.bad);
  const refused = fc.constantFrom(...(withBad.length ? withBad : fields)).chain((field) =>
    (field.bad ?? valueNotOf(...field.kinds)).map((value) => ({
      input: setAt(base, field.path, value),
      names: formatPath(field.path),
      why: `${formatPath(field.path)} = ${preview(value)}`,
    })),
  );
  const unknownKey = fc
    .tuple(
      fc.constantFrom(...strict),
      fc.oneof(
        fc.constantFrom("__proto__x", "constructor", "admin", "projectId", "id_", "Name"),
        fc.string({ minLength: 1, maxLength: 12 }).map((s) => `zz${s}`),
      ),
      valueOfKind.string,
    )
    // A key the object already has is no unknown field.
    .filter(([at, key]) => !Object.hasOwn(getAt(base, at) as object, key))
    .map(([at, key, value]) => ({
      input: setAt(base, [...at, key], value),
      names: key,
      why: `unknown field ${formatPath([...at, key])}`,
    }));
  return fc.oneof(
    { arbitrary: wrongType, weight: 3 },
    { arbitrary: missing, weight: required.length ? 2 : 0 },
    { arbitrary: refused, weight: 4 },
    { arbitrary: unknownKey, weight: 2 },
  );
}

/** A short printable form of a value for failure messages. */
export function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}… (${text.length} chars)` : text;
}

/**
 * Runs `check` on every generated bad input. After each one the write counter must not have
 * moved (no row inserted, updated or deleted, even if put back), and after the last one every
 * table is dumped and compared byte for byte with the dump taken before the first.
 */
export async function fuzz<T>(
  inputs: fc.Arbitrary<BadInput<T>>,
  check: (bad: BadInput<T>) => Promise<void>,
  options: { runs?: number } = {},
): Promise<number> {
  await installWriteCounter();
  const before = await dumpDatabase();
  let writes = await countWrites();
  let count = 0;
  await fc.assert(
    fc.asyncProperty(inputs, async (bad) => {
      count += 1;
      await check(bad);
      const now = await countWrites();
      if (now !== writes) {
        const changed = changedTables(before, await dumpDatabase());
        const written = now - writes;
        writes = now;
        throw new Error(
          `${written} row writes after a rejected input; rows of ${changed.join(", ") || "no table (written and put back)"} differ`,
        );
      }
    }),
    { seed: FUZZ_SEED, numRuns: options.runs ?? FUZZ_RUNS, endOnFailure: true },
  );
  expect(changedTables(before, await dumpDatabase())).toEqual([]);
  return count;
}
