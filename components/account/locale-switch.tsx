"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { setLocaleAction } from "@/app/_actions/locale";
import type { LocaleOption } from "@/lib/i18n/catalogs";

/**
 * The language of the interface, saved on the user. The options are the catalogs in messages/,
 * each named in its own language (its `locale.name`).
 */
export function LocaleSwitch({ options }: { options: LocaleOption[] }) {
  const t = useTranslations("locale");
  const locale = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <label className="mt-3 flex items-center gap-2 text-xs text-slate-500">
      <span>{t("label")}</span>
      <select
        value={locale}
        disabled={pending}
        data-testid="locale-switch"
        onChange={(event) => {
          const next = event.target.value;
          start(async () => {
            const result = await setLocaleAction(next);
            if (!result.ok) toast.error(t("saveFailed"));
            else router.refresh();
          });
        }}
        className="rounded-md border border-slate-300 bg-white px-1.5 py-1 text-xs text-slate-700"
      >
        {options.map((option) => (
          <option key={option.locale} value={option.locale} lang={option.locale}>
            {option.name}
          </option>
        ))}
      </select>
    </label>
  );
}
