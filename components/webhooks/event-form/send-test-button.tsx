"use client";

import { useTranslations } from "next-intl";
import { useFormContext } from "react-hook-form";
import { SendIcon } from "@/components/ui/icons";
import type { TriggerType } from "@/lib/model/trigger-types";
import { SendTestDialog } from "../send-test-dialog";
import { useSendTestRequest } from "../use-send-test";
import { useFieldPathText } from "./field-labels";
import { type EventFormValues, toRequestInput } from "./form-values";
import { useWizard } from "./wizard-context";

/**
 * Sends request `index` as the form holds it now, with the sample call, and shows the answer.
 * The dialog stays open while the result is kept: closing it forgets the result.
 */
export function SendTestButton({ index }: { index: number }) {
  const { getValues } = useFormContext<EventFormValues>();
  const { projectId, eventId } = useWizard();
  const sendTest = useSendTestRequest(projectId);
  const t = useTranslations("sendTestButton");
  const label = t("label", { number: index + 1 });
  const describeFieldPath = useFieldPathText();

  function send() {
    const type = getValues("type");
    if (!type) return;
    const request = toRequestInput(getValues(`requests.${index}`));
    sendTest.mutate({
      draft: { type: type as TriggerType, request },
      saved: eventId && request.id ? { eventId, requestId: request.id } : undefined,
      label,
    });
  }

  const error = sendTest.error;
  const firstField =
    error && "fieldErrors" in error
      ? Object.entries(error.fieldErrors as Record<string, string>)[0]
      : undefined;
  const open = sendTest.isPending || sendTest.isSuccess || sendTest.isError;

  return (
    <>
      <button
        type="button"
        onClick={send}
        disabled={sendTest.isPending || !getValues("type")}
        className="inline-flex shrink-0 items-center gap-1.5 rounded-md bg-brand-600 px-2.5 py-1.5 text-xs font-medium text-white shadow-xs hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-50"
      >
        <SendIcon className="size-3.5" />
        {t("send")}
      </button>
      <SendTestDialog
        open={open}
        onClose={() => sendTest.reset()}
        title={t("title", { number: index + 1 })}
        description={t("description")}
        pending={sendTest.isPending}
        error={
          error
            ? t("failed", {
                reason: firstField
                  ? `${describeFieldPath(firstField[0])}: ${firstField[1]}`
                  : error.message,
              })
            : null
        }
        results={sendTest.data ?? []}
        onSendAgain={send}
      />
    </>
  );
}
