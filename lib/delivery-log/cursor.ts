// The keyset cursor: the (createdAt, id) of the last row of a page, opaque to clients. Plain
// btoa/atob rather than Buffer, so the browser can validate a cursor in the URL too.

export type CursorKey = { createdAt: Date; id: string };

const ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

export function encodeCursor(key: CursorKey): string {
  const text = JSON.stringify([key.createdAt.toISOString(), key.id]);
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function decodeCursor(cursor: string): CursorKey | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) return null;
  try {
    const parsed: unknown = JSON.parse(atob(cursor.replace(/-/g, "+").replace(/_/g, "/")));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [time, id] = parsed as unknown[];
    if (typeof time !== "string" || typeof id !== "string" || !ID_PATTERN.test(id)) return null;
    const createdAt = new Date(time);
    if (Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== time) return null;
    return { createdAt, id };
  } catch {
    return null;
  }
}
