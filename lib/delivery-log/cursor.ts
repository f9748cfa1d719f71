// The keyset cursor: the (createdAt, id) of the last row of a page, opaque to clients. Plain
// btoa/atob rather than Buffer, so the browser can validate a cursor in the URL too.
import { z } from "zod";

const cursorSchema = z.tuple([z.string(), z.string().regex(/^[A-Za-z0-9_-]{1,100}$/)]);

export type CursorKey = { createdAt: Date; id: string };

export function encodeCursor(key: CursorKey): string {
  const text = JSON.stringify([key.createdAt.toISOString(), key.id]);
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function decodeCursor(cursor: string): CursorKey | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) return null;
  try {
    const parsed = cursorSchema.safeParse(
      JSON.parse(atob(cursor.replace(/-/g, "+").replace(/_/g, "/"))),
    );
    if (!parsed.success) return null;
    const [time, id] = parsed.data;
    const createdAt = new Date(time);
    if (Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== time) return null;
    return { createdAt, id };
  } catch {
    return null;
  }
}
