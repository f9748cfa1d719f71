import type { Locale } from "@/lib/i18n/locales";

/** The catalog of one language: messages/<locale>.json. */
export async function loadMessages(locale: Locale) {
  return (await import(`../messages/${locale}.json`)).default;
}
