"use client";

import { useMutation } from "@tanstack/react-query";
import { sendTestEventAction, sendTestRequestAction } from "@/app/_actions/send-test";
import type { PreviewInput } from "@/lib/webhooks/preview";
import type { LabelledTestResult } from "./send-test-dialog";

/** Thrown for an action's refusal, keeping its field messages for the dialog. */
export class SendTestError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Send test of every request of a saved event (the table's row menu). */
export function useSendTestEvent(projectId: string) {
  return useMutation({
    mutationFn: async (eventId: string): Promise<LabelledTestResult[]> => {
      const result = await sendTestEventAction(projectId, eventId);
      if (!result.ok) throw new SendTestError(result.message, result.fieldErrors);
      return result.data.map((item) => ({
        key: item.requestId,
        label: `Request ${item.position + 1} · ${hostOf(item.url)}`,
        result: item.result,
      }));
    },
  });
}

/** Send test of one request as the wizard's form holds it now. */
export function useSendTestRequest(projectId: string) {
  return useMutation({
    mutationFn: async (input: {
      draft: PreviewInput;
      saved?: { eventId: string; requestId: string };
      label: string;
    }): Promise<LabelledTestResult[]> => {
      const result = await sendTestRequestAction(projectId, input.draft, input.saved);
      if (!result.ok) throw new SendTestError(result.message, result.fieldErrors);
      return [{ key: "draft", label: input.label, result: result.data }];
    },
  });
}
