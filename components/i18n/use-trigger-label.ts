"use client";

import { useTranslations } from "next-intl";
import { isTriggerType, type TriggerDirection, triggerGroupOf } from "@/lib/model/trigger-types";

export type TriggerGroupKey = TriggerDirection;
export { triggerGroupOf };

/** "Incoming call" · "after the call" in the interface language (the API keeps the type ids). */
export function useTriggerLabel() {
  const t = useTranslations("triggers");
  return (type: string): { group: string; label: string } =>
    isTriggerType(type)
      ? { group: t(`group.${triggerGroupOf(type)}`), label: t(`moment.${type}`) }
      : { group: t("unknown"), label: type };
}
