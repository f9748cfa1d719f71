import { createTranslator } from "next-intl";
import english from "../../messages/en.json";
import type { CatalogText, TextNamespace } from "./catalog-text";
import { catalogWords } from "./catalog-wording";
import { catalogs, type Messages } from "./catalogs";
import { DEFAULT_LOCALE_TAG, type Locale, REFERENCE_LOCALE } from "./locales";

type Words = ReturnType<typeof catalogWords>;

const byLocale = new Map<string, Words>();

function translatorOf(locale: Locale, messages: Messages): Words {
  const t = createTranslator({
    locale,
    messages,
    // A missing key or value must not turn an error into another error: next-intl shows the
    // key path instead, and the catalog tests catch the gap.
    onError: () => {},
  });
  return catalogWords((key, values) => t(key as Parameters<typeof t>[0], values));
}

// English words an AppError's message for the API and logs: it comes from the compiled
// reference catalog, so making an error never reads the disk. Other languages come from the
// catalogs of messages/, read at run time; a tag none of them has words English.
function wordsIn(tag: string): Words {
  let words = byLocale.get(tag);
  if (!words) {
    const available = tag === DEFAULT_LOCALE_TAG ? undefined : catalogs();
    const locale = available?.locales.find((known) => known === tag);
    words =
      available && locale !== undefined
        ? translatorOf(locale, available.messages(locale))
        : translatorOf(REFERENCE_LOCALE, english);
    byLocale.set(tag, words);
  }
  return words;
}

/**
 * A catalog text in the words of one language, outside React (the English an AppError keeps for
 * the API and logs, a server action's answer, tests). Components word the same texts with
 * next-intl's useTranslations through catalogWords.
 */
export function wordsOf<N extends TextNamespace>(
  locale: string,
  namespace: N,
  text: CatalogText<N>,
): string {
  return wordsIn(locale)(namespace, text);
}

// The first message formatted with a value sets up intl's formatters (over 100 ms on this
// machine); doing it as the module loads keeps that off the first refusal's answer, such as a
// 429 whose Retry-After a client times.
wordsOf(DEFAULT_LOCALE_TAG, "serverErrors", { key: "tooManyLogins", values: { seconds: 1 } });
