"use client";

import { useTranslations } from "next-intl";
import type { CatalogVariable } from "@/lib/model/catalog";
import type messages from "@/messages/en.json";

type VariableId = keyof (typeof messages)["variables"];

/**
 * A call variable's title and description in the interface language. lib/model/catalog.ts
 * keeps the English ones for the API; tests/unit/i18n-catalogs.test.ts checks that every
 * variable of the catalog has its messages in every language, which is what makes the id a
 * key of the catalog here.
 */
export function useVariableText() {
  const t = useTranslations("variables");
  return (variable: Pick<CatalogVariable, "id">) => {
    const id = variable.id as VariableId;
    return { label: t(`${id}.label`), description: t(`${id}.description`) };
  };
}
