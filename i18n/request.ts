import { getRequestConfig } from "next-intl/server";
import { catalogs } from "@/lib/i18n/catalogs";
import { DEFAULT_TIME_ZONE } from "@/lib/projects/schemas";
import { requestLocale } from "./request-locale";

// No locale in the URL: each request takes the signed-in user's choice, else Accept-Language.
// The time zone here serves pages outside a project; a project's pages render under its own
// zone (app/projects/[projectId]/layout.tsx).
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: catalogs().messages(locale), timeZone: DEFAULT_TIME_ZONE };
});
