import { randomBytes } from "node:crypto";
import { z } from "zod";

// Values as the Prisma SQLite adapter stores them, for the statements the engine runs itself:
// the same text for dates (so both sides compare and sort alike), 0/1 for booleans, JSON text.

export function toSqlDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

export const sqlDate = z.string().transform((value) => new Date(value));
export const sqlBoolean = z.union([z.literal(0), z.literal(1)]).transform((value) => value === 1);

/** A column holding JSON text, parsed and then checked by `schema`. */
export function sqlJson<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "not JSON" });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

let counter = 0;

/**
 * A cuid-shaped id made here, so a write needs no read-back: "c", the time, a per-process
 * counter (ids of one process sort in creation order, as the delivery lists expect) and
 * randomness that keeps processes apart.
 */
export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  return `c${Date.now().toString(36).padStart(8, "0")}${counter.toString(36).padStart(4, "0")}${randomBytes(8).toString("hex").slice(0, 12)}`;
}
