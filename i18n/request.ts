import { getRequestConfig } from "next-intl/server";
import { DEFAULT_TIME_ZONE } from "@/lib/projects/schemas";
import { loadMessages } from "./messages";
import { requestLocale } from "./request-locale";

// No locale in the URL: each request takes the signed-in user's choice, else Accept-Language.
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: await loadMessages(locale), timeZone: DEFAULT_TIME_ZONE };
});
