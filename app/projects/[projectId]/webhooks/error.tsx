"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** A failure while loading a Webhooks page; the account's navigation stays usable. */
export default function WebhooksError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("webhooks.error");
  return (
    <div className="rounded-xl border border-red-200 bg-white px-6 py-12 text-center">
      <p className="font-semibold text-slate-900">{t("title")}</p>
      <p className="mt-1 text-sm text-slate-500">{t("body")}</p>
      <Button className="mt-5" variant="secondary" onClick={reset}>
        {t("retry")}
      </Button>
    </div>
  );
}
