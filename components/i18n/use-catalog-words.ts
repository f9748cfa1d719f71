"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { attemptErrorText } from "@/lib/dispatch/attempt-error-text";
import { pausedReasonText } from "@/lib/dispatch/paused-reason";
import type { Words } from "@/lib/i18n/catalog-wording";
import { catalogWords } from "@/lib/i18n/catalog-wording";

/**
 * Words the texts the server sends as data (a refusal's reason, a paused request's reason, an
 * attempt's error) in the interface language.
 */
export function useCatalogWords() {
  const t = useTranslations();
  return useMemo(() => {
    // The keys were checked against the catalog where each text was made (CatalogText).
    const words = catalogWords(t as unknown as Words);
    /** A paused request's stored reason; one of another form stays as stored. */
    const pausedReason = (stored: string): string => {
      const text = pausedReasonText(stored);
      return typeof text === "string" ? text : words("pausedReasons", text);
    };
    /** An attempt's stored error; one of another form stays as stored. */
    const attemptError = (stored: string): string => {
      const text = attemptErrorText(stored);
      return text ? words("attemptErrors", text) : stored;
    };
    return { words, pausedReason, attemptError };
  }, [t]);
}
