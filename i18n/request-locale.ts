import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getCurrentUser } from "@/app/_lib/session";
import { catalogs } from "@/lib/i18n/catalogs";
import type { Locale } from "@/lib/i18n/locales";

/**
 * This request's language: the signed-in user's choice, else Accept-Language, else English.
 * i18n/request.ts gives it to next-intl; server actions and route handlers that word a text
 * themselves read it here, outside next-intl's context (the same under the tests).
 */
export const requestLocale = cache(async (): Promise<Locale> => {
  const [user, requestHeaders] = await Promise.all([getCurrentUser(), headers()]);
  return catalogs().resolve(user?.locale, requestHeaders.get("accept-language"));
});
