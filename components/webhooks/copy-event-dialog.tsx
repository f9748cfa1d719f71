"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import {
  type TriggerGroupKey,
  triggerGroupOf,
  useTriggerLabel,
} from "@/components/i18n/use-trigger-label";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TRIGGER_TYPES, type TriggerType } from "@/lib/model/trigger-types";

const GROUPS: TriggerGroupKey[] = ["incoming", "outgoing"];

type CopySource = { id: string; name: string; type: string };

/**
 * Row "⋯" → Copy: the admin picks the event type of the copy, then the wizard opens with the
 * copy prefilled; nothing is saved until Save there.
 */
export function CopyEventDialog({
  projectId,
  event,
  onClose,
}: {
  projectId: string;
  event: CopySource | null;
  onClose: () => void;
}) {
  const t = useTranslations("copyEvent");
  return (
    <Dialog
      open={event !== null}
      onClose={onClose}
      title={t("title")}
      description={event ? t("description", { name: event.name }) : undefined}
    >
      {event ? (
        <CopyForm key={event.id} projectId={projectId} event={event} onClose={onClose} />
      ) : null}
    </Dialog>
  );
}

function CopyForm({
  projectId,
  event,
  onClose,
}: {
  projectId: string;
  event: CopySource;
  onClose: () => void;
}) {
  const t = useTranslations("copyEvent");
  const tTrigger = useTranslations("triggers");
  const triggerLabel = useTriggerLabel();
  const router = useRouter();
  // The choice lives only in this dialog; the wizard receives it in the URL.
  const [type, setType] = useState<TriggerType | null>(null);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!type) return;
        const query = new URLSearchParams({ copy: event.id, type });
        router.push(`/projects/${projectId}/webhooks/new?${query}`);
      }}
    >
      <div className="grid grid-cols-2 gap-5">
        {GROUPS.map((group) => (
          <fieldset key={group}>
            <legend className="text-xs font-medium tracking-wide text-slate-500 uppercase">
              {tTrigger(`group.${group}`)}
            </legend>
            <div className="mt-2 space-y-1.5">
              {TRIGGER_TYPES.filter((type) => triggerGroupOf(type) === group).map((choice, i) => (
                <label
                  key={choice}
                  className={`flex cursor-pointer items-start gap-2.5 rounded-lg border px-3 py-2 text-sm transition has-focus-visible:outline-2 has-focus-visible:outline-brand-600 ${
                    type === choice
                      ? "border-brand-500 bg-brand-50 text-brand-700"
                      : "border-slate-200 text-slate-700 hover:bg-slate-50"
                  }`}
                >
                  <input
                    type="radio"
                    name="copy-type"
                    value={choice}
                    checked={type === choice}
                    onChange={() => setType(choice)}
                    data-autofocus={group === "incoming" && i === 0 ? true : undefined}
                    className="mt-0.5 accent-brand-600"
                  />
                  <span>
                    {triggerLabel(choice).label}
                    {choice === event.type ? (
                      <span className="block text-xs text-slate-500">{t("sameAsOriginal")}</span>
                    ) : null}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
      </div>
      <div className="-mx-6 mt-6 -mb-5 flex justify-end gap-2 rounded-b-xl border-t border-slate-100 bg-slate-50 px-6 py-3">
        <Button variant="secondary" onClick={onClose}>
          {t("cancel")}
        </Button>
        <Button type="submit" disabled={!type}>
          {t("next")}
        </Button>
      </div>
    </form>
  );
}
