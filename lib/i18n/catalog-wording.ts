import type { CatalogText, TextNamespace, TextValues } from "./catalog-text";

export type Words = (key: string, values?: Record<string, string | number>) => string;

/**
 * Words catalog texts with a translator that takes any joined key ("serverErrors.inviteUsed"):
 * the keys were checked against the catalog where each text was made (CatalogText), and a
 * nested text is worded first, in the same language.
 */
export function catalogWords(t: Words) {
  const word = (namespace: TextNamespace, key: string, values?: TextValues): string =>
    t(`${namespace}.${key}`, values && plainValues(values));
  const plainValues = (values: TextValues) =>
    Object.fromEntries(
      Object.entries(values).map(([name, value]) => [
        name,
        typeof value === "object" ? word(value.namespace, value.key, value.values) : value,
      ]),
    );
  return <N extends TextNamespace>(namespace: N, text: CatalogText<N>): string =>
    word(namespace, text.key, text.values);
}
