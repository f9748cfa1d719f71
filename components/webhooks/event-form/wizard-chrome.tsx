"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTriggerLabel } from "@/components/i18n/use-trigger-label";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LockIcon } from "@/components/ui/lock-icon";
import type { TriggerType } from "@/lib/model/trigger-types";
import type { WebhookEventDto } from "@/lib/webhooks/serializers";

type Mode = "new" | "edit" | "copy" | "view";

/** Breadcrumb, title and what the page is about; the delivery log of a stored event. */
export function WizardHeading({
  mode,
  listHref,
  name,
  stored,
  copyOf,
  type,
}: {
  mode: Mode;
  listHref: string;
  name: string;
  stored?: WebhookEventDto;
  copyOf?: { name: string };
  type: TriggerType | "";
}) {
  const t = useTranslations("wizard");
  const triggerLabel = useTriggerLabel();
  const trigger = type ? triggerLabel(type) : null;
  const title =
    mode === "new"
      ? t("add")
      : mode === "copy"
        ? t("copy")
        : mode === "view"
          ? (stored?.name ?? t("event"))
          : t("edit", { name: stored?.name ?? name });
  return (
    <>
      <nav aria-label={t("breadcrumb")} className="mb-2 text-sm text-slate-500">
        <Link href={listHref} className="hover:text-slate-900 hover:underline">
          {t("webhooks")}
        </Link>
        <span aria-hidden className="mx-1.5">
          /
        </span>
        <span className="text-slate-700">
          {mode === "new" ? t("newEvent") : name || t("event")}
        </span>
      </nav>
      <div className="mb-6 flex items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="flex items-center gap-2 text-2xl font-semibold tracking-tight text-slate-900">
            <span className="truncate">{title}</span>
            {stored?.locked ? (
              <Badge tone="neutral">
                <LockIcon /> {t("default")}
              </Badge>
            ) : null}
          </h1>
          <p className="mt-1 text-sm text-slate-500">
            {mode === "copy" && copyOf
              ? t("copyFrom", {
                  name: copyOf.name,
                  target: trigger
                    ? `${trigger.group.toLowerCase()}, ${trigger.label}`
                    : t("anotherEvent"),
                })
              : trigger
                ? t("triggerLine", { group: trigger.group, moment: trigger.label })
                : t("about")}
          </p>
        </div>
        {stored ? (
          <Link
            href={`${listHref}/${stored.id}/deliveries`}
            className="shrink-0 rounded-md px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            {t("deliveryLog")}
          </Link>
        ) : null}
      </div>
    </>
  );
}

/** The bar that stays at the bottom of the screen: leave, move between steps, save. */
export function WizardActionBar({
  readOnly,
  dirty,
  step,
  canSaveHere,
  saveLabel,
  saving,
  onCancel,
  onBack,
  onNext,
  onCopy,
}: {
  readOnly: boolean;
  dirty: boolean;
  step: 1 | 2;
  canSaveHere: boolean;
  saveLabel: string;
  saving: boolean;
  onCancel: () => void;
  onBack: () => void;
  onNext: () => void;
  onCopy?: () => void;
}) {
  const t = useTranslations("wizard");
  return (
    <div className="sticky bottom-4 z-20 mt-6 rounded-xl border border-slate-200 bg-white/95 shadow-lg backdrop-blur">
      <div className="flex items-center justify-between gap-3 px-4 py-3">
        <Button variant="ghost" onClick={onCancel}>
          {readOnly ? t("backToWebhooks") : t("cancel")}
        </Button>
        <div className="flex items-center gap-2">
          {dirty ? <span className="mr-2 text-xs text-slate-500">{t("unsaved")}</span> : null}
          {step === 2 ? (
            <Button variant="secondary" onClick={onBack}>
              {t("back")}
            </Button>
          ) : (
            <Button variant={canSaveHere ? "secondary" : "primary"} onClick={onNext}>
              {t("next")}
            </Button>
          )}
          {onCopy ? <Button onClick={onCopy}>{t("copyButton")}</Button> : null}
          {!readOnly && canSaveHere ? (
            <Button type="submit" pending={saving}>
              {saveLabel}
            </Button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
