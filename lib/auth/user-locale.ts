import { db } from "../db/client";
import type { Locale } from "../i18n/locales";

/** Saves the interface language the user picked; null goes back to following the browser. */
export async function setUserLocale(userId: string, locale: Locale | null): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale } });
}
