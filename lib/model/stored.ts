import type { z } from "zod";

/**
 * A stored value that does not read as its type. Every write goes through the schemas, so this
 * means the row was edited by hand or written by an incompatible version: it fails where the row
 * is read, naming the table, the row and the column, rather than as a puzzling crash later.
 */
export class CorruptRowError extends Error {
  override name = "CorruptRowError";

  constructor(
    readonly table: string,
    readonly rowId: string,
    readonly column: string,
    readonly problem: string,
  ) {
    super(`${table} ${rowId}: the stored ${column} is corrupt: ${problem}`);
  }
}

export type RowRef = { table: string; id: string };

function describeInput(input: unknown): string {
  if (input === undefined) return "nothing";
  const text = JSON.stringify(input) ?? String(input);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Parses one column of a row with its schema; a value that does not fit is a CorruptRowError. */
export function parseColumn<S extends z.ZodType>(
  schema: S,
  value: unknown,
  row: RowRef,
  column: string,
): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const at = issue?.path.length
    ? issue.path.map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`))
    : [];
  const name = `${column}${at.join("")}`;
  const found = issue && "input" in issue ? `, found ${describeInput(issue.input)}` : "";
  throw new CorruptRowError(row.table, row.id, name, `${issue?.message ?? "not valid"}${found}`);
}
