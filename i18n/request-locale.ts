import { headers } from "next/headers";
import { getCurrentUser } from "@/app/_lib/session";
import { catalogs } from "@/lib/i18n/catalogs";
import type { Locale } from "@/lib/i18n/locales";

/** This request's language: the signed-in user's choice, else Accept-Language, else English. */
export async function requestLocale(): Promise<Locale> {
  const [user, requestHeaders] = await Promise.all([getCurrentUser(), headers()]);
  return catalogs().resolve(user?.locale, requestHeaders.get("accept-language"));
}
