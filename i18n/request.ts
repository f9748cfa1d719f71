import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getCurrentUser } from "@/app/_lib/session";
import { catalogs } from "@/lib/i18n/catalogs";
import { DEFAULT_TIME_ZONE } from "@/lib/projects/schemas";

// No locale in the URL: each request takes the signed-in user's choice, else Accept-Language.
// The time zone here serves pages outside a project; a project's pages render under its own
// zone (app/projects/[projectId]/layout.tsx).
export default getRequestConfig(async () => {
  const [user, requestHeaders] = await Promise.all([getCurrentUser(), headers()]);
  const available = catalogs();
  const locale = available.resolve(user?.locale, requestHeaders.get("accept-language"));
  return { locale, messages: available.messages(locale), timeZone: DEFAULT_TIME_ZONE };
});
