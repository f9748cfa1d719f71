import type { Messages } from "@/lib/i18n/catalogs";
import type { Locale } from "@/lib/i18n/locales";

// t("…") keys are checked against the English catalog at compile time; a locale is one of the
// catalogs in messages/, known only once they are read (lib/i18n/catalogs.ts).
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
