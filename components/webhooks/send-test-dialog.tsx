"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { TestSendResult } from "@/lib/dispatch/test-send";
import { TestSendResultView } from "./test-send-result";

export type LabelledTestResult = { key: string; label: string; result: TestSendResult };

/**
 * What a Send test did, in a dialog: one result per request sent. Nothing of it is stored, so
 * it never appears on the error check page.
 */
export function SendTestDialog({
  open,
  onClose,
  title,
  description,
  pending,
  error,
  results,
  onSendAgain,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  pending: boolean;
  error: string | null;
  results: LabelledTestResult[];
  onSendAgain: () => void;
}) {
  const t = useTranslations("sendTest");
  const many = results.length > 1;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      description={description}
      size="xl"
      footer={
        <>
          <Button variant="secondary" onClick={onSendAgain} pending={pending}>
            {t("sendAgain")}
          </Button>
          <Button onClick={onClose} data-autofocus>
            {t("close")}
          </Button>
        </>
      }
    >
      <div aria-live="polite" aria-busy={pending}>
        {pending && results.length === 0 ? (
          <p className="flex items-center gap-2 text-sm text-slate-600">
            <span
              aria-hidden
              className="size-3.5 animate-spin rounded-full border-2 border-brand-600 border-r-transparent"
            />
            {t("sending")}
          </p>
        ) : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
        {results.length > 0 ? (
          <div className={`space-y-8 ${pending ? "opacity-60" : ""}`}>
            {results.map(({ key, label, result }) => (
              <div key={key}>
                {many ? (
                  <h3 className="mb-3 border-b border-slate-100 pb-1.5 text-sm font-semibold text-slate-900">
                    {label}
                  </h3>
                ) : null}
                <TestSendResultView result={result} label={label} />
              </div>
            ))}
          </div>
        ) : null}
      </div>
    </Dialog>
  );
}
