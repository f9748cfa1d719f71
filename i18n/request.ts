import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getCurrentUser } from "@/app/_lib/session";
import { type Locale, resolveLocale } from "@/lib/i18n/locales";
import { DEFAULT_TIME_ZONE } from "@/lib/projects/schemas";
import { loadMessages } from "./messages";

// No locale in the URL: each request takes the signed-in user's choice, else Accept-Language.
export default getRequestConfig(async () => {
  const [user, requestHeaders] = await Promise.all([getCurrentUser(), headers()]);
  const locale: Locale = resolveLocale(user?.locale, requestHeaders.get("accept-language"));
  return { locale, messages: await loadMessages(locale), timeZone: DEFAULT_TIME_ZONE };
});
