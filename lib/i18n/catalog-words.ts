import { createTranslator } from "next-intl";
import en from "../../messages/en.json";
import uk from "../../messages/uk.json";
import type { CatalogText, TextNamespace } from "./catalog-text";
import { catalogWords } from "./catalog-wording";
import type { Locale } from "./locales";

const CATALOGS: Record<Locale, typeof en> = { en, uk };

const byLocale = new Map<Locale, ReturnType<typeof catalogWords>>();

function wordsIn(locale: Locale) {
  let words = byLocale.get(locale);
  if (!words) {
    const t = createTranslator({
      locale,
      messages: CATALOGS[locale],
      // A missing key or value must not turn an error into another error: next-intl shows the
      // key path instead, and the catalog tests catch the gap.
      onError: () => {},
    });
    words = catalogWords((key, values) => t(key as Parameters<typeof t>[0], values));
    byLocale.set(locale, words);
  }
  return words;
}

/**
 * A catalog text in the words of one language, outside React (the English an AppError keeps for
 * the API and logs, a server action's answer, tests). Components word the same texts with
 * next-intl's useTranslations through catalogWords.
 */
export function wordsOf<N extends TextNamespace>(
  locale: Locale,
  namespace: N,
  text: CatalogText<N>,
): string {
  return wordsIn(locale)(namespace, text);
}

// The first message formatted with a value sets up intl's formatters (over 100 ms on this
// machine); doing it as the module loads keeps that off the first refusal's answer, such as a
// 429 whose Retry-After a client times.
wordsOf("en", "serverErrors", { key: "tooManyLogins", values: { seconds: 1 } });
