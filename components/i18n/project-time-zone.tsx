"use client";

import { NextIntlClientProvider, useLocale } from "next-intl";
import type { ReactNode } from "react";

/**
 * Everything under a project formats its moments in the project's time zone (next-intl's
 * `format.dateTime`, useTimeZone). Client-side so the messages and formats are inherited from
 * the root provider instead of being sent to the browser a second time.
 */
export function ProjectTimeZone({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  const locale = useLocale();
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone}>
      {children}
    </NextIntlClientProvider>
  );
}
