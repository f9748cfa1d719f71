import type { Locale } from "@/lib/i18n/locales";
import type messages from "./messages/en.json";

// t("…") keys are checked against the English catalog at compile time.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
