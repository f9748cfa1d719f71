"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { type FieldErrors, FormProvider, useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { createEventAction, updateEventAction } from "@/app/_actions/webhook-events";
import { applyServerErrors } from "@/components/forms/server-errors";
import { useUnsavedChangesGuard } from "@/components/forms/use-unsaved-changes-guard";
import { useIssueText } from "@/components/i18n/use-issue-text";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { LockIcon } from "@/components/ui/lock-icon";
import type { WebhookEventInput } from "@/lib/model/event-schema";
import { webhookKeys } from "@/lib/webhooks/query-keys";
import type { WebhookEventDto } from "@/lib/webhooks/serializers";
import { CopyEventDialog } from "../copy-event-dialog";
import { firstErrorPath } from "./errors";
import { EventStep } from "./event-step";
import { type EventFormValues, toFormPath } from "./form-values";
import { MissingVariablesNotice } from "./missing-variables-notice";
import { RequestsStep } from "./requests-step";
import { eventFormResolver } from "./resolver";
import { HiddenValuesNotice } from "./reveal-secrets";
import { Stepper } from "./stepper";
import { WizardActionBar, WizardHeading } from "./wizard-chrome";
import { useWizard, WizardProvider } from "./wizard-context";

export type WizardMode = "new" | "edit" | "copy" | "view";

type EventWizardProps = {
  projectId: string;
  mode: WizardMode;
  initial: EventFormValues;
  /** The stored event (edit and view): its id, lock, and each request's secret and pause. */
  stored?: WebhookEventDto;
  /** The event a copy starts from. */
  copyOf?: { id: string; name: string };
  /** False for viewers: the page is read-only and offers no copy. */
  canEdit?: boolean;
};

export function EventWizard(props: EventWizardProps) {
  return (
    <WizardProvider
      readOnly={props.mode === "view"}
      projectId={props.projectId}
      eventId={props.mode === "edit" || props.mode === "view" ? props.stored?.id : undefined}
      canSendTest={props.canEdit ?? true}
      canReveal={props.canEdit ?? true}
    >
      <WizardForm {...props} />
    </WizardProvider>
  );
}

function WizardForm({
  projectId,
  mode,
  initial,
  stored,
  copyOf,
  canEdit = true,
}: EventWizardProps) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const { revealField, subscribe } = useWizard();
  const t = useTranslations("wizard");
  const issueText = useIssueText();
  const form = useForm<EventFormValues, unknown, WebhookEventInput>({
    defaultValues: initial,
    resolver: eventFormResolver(issueText),
    // Messages appear on Next or Save, then follow every change. Parameter names and variables
    // are checked as typed by their own fields.
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const [step, setStep] = useState<1 | 2>(1);
  // A message from the server that names no field of the form.
  const [formError, setFormError] = useState<string | null>(null);
  const [copying, setCopying] = useState(false);
  const name = useWatch({ control: form.control, name: "name" });
  const type = useWatch({ control: form.control, name: "type" });
  const listHref = `/projects/${projectId}/webhooks`;
  const readOnly = mode === "view";
  const dirty = form.formState.isDirty && !readOnly;
  const guard = useUnsavedChangesGuard(dirty);

  useEffect(() => subscribe((path) => setStep(path.startsWith("requests") ? 2 : 1)), [subscribe]);

  const save = useMutation({
    mutationFn: (input: WebhookEventInput) =>
      mode === "edit" && stored
        ? updateEventAction(projectId, stored.id, input)
        : createEventAction(projectId, input, copyOf?.id),
    onSuccess: (result) => {
      if (!result.ok) return;
      void queryClient.invalidateQueries({ queryKey: webhookKeys.events(projectId) });
    },
  });

  function showErrors(errors: FieldErrors) {
    const first = firstErrorPath(errors);
    if (first) revealField(first);
    toast.error(t("checkFields"));
  }

  const onSubmit = form.handleSubmit(async (input) => {
    setFormError(null);
    const result = await save.mutateAsync(input).catch(() => null);
    if (!result) {
      toast.error(t("unreachable"));
      return;
    }
    if (!result.ok) {
      // Request ids are not fields: a message about one goes above the form.
      const { placed, unplaced } = applyServerErrors(form, result, (path) =>
        /\.id$/.test(path) ? "" : toFormPath(path),
      );
      if (unplaced.length > 0) setFormError(unplaced.join(" "));
      if (placed[0]) revealField(placed[0]);
      toast.error(placed.length > 0 ? t("checkFields") : result.message);
      return;
    }
    toast.success(
      mode === "edit"
        ? t("saved", { name: result.data.name })
        : mode === "copy"
          ? t("copyCreated", { name: result.data.name })
          : t("created", { name: result.data.name }),
    );
    form.reset(form.getValues());
    router.push(listHref);
  }, showErrors);

  async function next() {
    const valid = await form.trigger(["name", "type", "conditions"], { shouldFocus: true });
    if (valid) {
      setStep(2);
      window.scrollTo({ top: 0 });
    }
  }

  const canSaveHere = mode !== "new" || step === 2;

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate>
        <WizardHeading
          mode={mode}
          listHref={listHref}
          name={name}
          stored={stored}
          copyOf={copyOf}
          type={type}
        />

        <div className="space-y-5">
          {readOnly ? (
            <Alert tone="info">
              <span className="flex items-start gap-2">
                <LockIcon className="mt-0.5 size-3.5 shrink-0" />
                <span>{stored?.locked ? t("lockedDefault") : t("viewOnly")}</span>
              </span>
            </Alert>
          ) : null}
          {formError ? <Alert tone="error">{formError}</Alert> : null}
          {readOnly ? null : <MissingVariablesNotice />}

          <Stepper
            step={step}
            onStep={async (to) => {
              if (to === 2 && mode === "new" && step === 1) await next();
              else setStep(to);
            }}
          />

          <div hidden={step !== 1}>
            <EventStep />
          </div>
          <div hidden={step !== 2} className="space-y-5">
            {stored ? <HiddenValuesNotice stored={stored} /> : null}
            <RequestsStep stored={stored?.requests ?? []} />
          </div>
        </div>

        <WizardActionBar
          readOnly={readOnly}
          dirty={dirty}
          step={step}
          canSaveHere={canSaveHere}
          saveLabel={mode === "edit" ? t("saveChanges") : t("saveEvent")}
          saving={save.isPending}
          onCancel={() => guard.requestLeave(listHref)}
          onBack={() => setStep(1)}
          onNext={next}
          onCopy={readOnly && canEdit ? () => setCopying(true) : undefined}
        />
      </form>

      <ConfirmDialog
        open={guard.pendingHref !== null}
        title={t("leaveTitle")}
        description={t("leaveText")}
        confirmLabel={t("discard")}
        cancelLabel={t("keepEditing")}
        tone="danger"
        onConfirm={guard.leave}
        onCancel={guard.stay}
      />
      {stored ? (
        <CopyEventDialog
          projectId={projectId}
          event={copying ? stored : null}
          onClose={() => setCopying(false)}
        />
      ) : null}
    </FormProvider>
  );
}
