import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { catalogs } from "@/lib/i18n/catalogs";
import type { Locale } from "@/lib/i18n/locales";
import { getCurrentUser } from "./session";

/**
 * The interface language of this request: the signed-in user's choice, else the browser's
 * Accept-Language, else English. i18n/request.ts gives it to next-intl; actions and route
 * handlers that word a server text themselves read it here, outside next-intl's context.
 */
export const interfaceLocale = cache(async (): Promise<Locale> => {
  const [user, requestHeaders] = await Promise.all([getCurrentUser(), headers()]);
  return catalogs().resolve(user?.locale, requestHeaders.get("accept-language"));
});
