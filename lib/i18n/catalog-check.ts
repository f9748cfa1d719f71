/** A message catalog as JSON: namespaces of namespaces, messages at the leaves. */
export type Catalog = { [key: string]: string | Catalog };

export function isCatalog(value: unknown): value is Catalog {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((v) => typeof v === "string" || isCatalog(v));
}

/** "nav.webhooks" → its message, for every leaf of the catalog. */
export function catalogLeaves(catalog: Catalog, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of catalogLeaves(value, full)) out.set(k, v);
  }
  return out;
}

export type CatalogProblems = { missing: string[]; extra: string[]; empty: string[] };

/**
 * What keeps `other` from standing in for `reference` (the English catalog): keys it lacks,
 * keys it has on top (a key no code reads, or one at a path English does not use), and empty
 * messages. The loader refuses such a catalog, and the catalog test reports the same lists.
 */
export function catalogProblems(reference: Catalog, other: Catalog): CatalogProblems {
  const want = catalogLeaves(reference);
  const have = catalogLeaves(other);
  return {
    missing: [...want.keys()].filter((key) => !have.has(key)),
    extra: [...have.keys()].filter((key) => !want.has(key)),
    empty: [...have].filter(([, message]) => message.trim() === "").map(([key]) => key),
  };
}

export function hasProblems(problems: CatalogProblems): boolean {
  return Object.values(problems).some((keys) => keys.length > 0);
}
