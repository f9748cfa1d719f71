"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { type FieldErrors, FormProvider, useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { createEventAction, updateEventAction } from "@/app/projects/[projectId]/webhooks/actions";
import { applyServerErrors } from "@/components/forms/server-errors";
import { useUnsavedChangesGuard } from "@/components/forms/use-unsaved-changes-guard";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { LockIcon } from "@/components/ui/lock-icon";
import { webhookKeys } from "@/lib/webhooks/query-keys";
import type { WebhookEventInput } from "@/lib/webhooks/schemas";
import type { WebhookEventDto } from "@/lib/webhooks/serializers";
import { describeTrigger } from "@/lib/webhooks/trigger-types";
import { CopyEventDialog } from "../copy-event-dialog";
import { EventStep } from "./event-step";
import { type EventFormValues, toFormPath } from "./form-values";
import { MissingVariablesNotice } from "./missing-variables-notice";
import { RequestsStep } from "./requests-step";
import { eventFormResolver } from "./resolver";
import { Stepper } from "./stepper";
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
    <WizardProvider readOnly={props.mode === "view"} projectId={props.projectId}>
      <WizardForm {...props} />
    </WizardProvider>
  );
}

/** The first field with a message, in the order the errors object holds them. */
function firstErrorPath(errors: FieldErrors, prefix = ""): string | null {
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== "object") continue;
    const path = key === "root" ? prefix : prefix ? `${prefix}.${key}` : key;
    if (typeof (value as { message?: unknown }).message === "string") return path || null;
    if (key === "ref") continue;
    const nested = firstErrorPath(value as FieldErrors, path);
    if (nested) return nested;
  }
  return null;
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
  const form = useForm<EventFormValues, unknown, WebhookEventInput>({
    defaultValues: initial,
    resolver: eventFormResolver,
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
        : createEventAction(projectId, input),
    onSuccess: (result) => {
      if (!result.ok) return;
      void queryClient.invalidateQueries({ queryKey: webhookKeys.events(projectId) });
    },
  });

  function showErrors(errors: FieldErrors) {
    const first = firstErrorPath(errors);
    if (first) revealField(first);
    toast.error("Check the highlighted fields");
  }

  const onSubmit = form.handleSubmit(async (input) => {
    setFormError(null);
    const result = await save.mutateAsync(input).catch(() => null);
    if (!result) {
      toast.error("The event was not saved: the server could not be reached");
      return;
    }
    if (!result.ok) {
      // Request ids are not fields: a message about one goes above the form.
      const { placed, unplaced } = applyServerErrors(form, result, (path) =>
        /\.id$/.test(path) ? "" : toFormPath(path),
      );
      if (unplaced.length > 0) setFormError(unplaced.join(" "));
      if (placed[0]) revealField(placed[0]);
      toast.error(placed.length > 0 ? "Check the highlighted fields" : result.message);
      return;
    }
    toast.success(
      mode === "edit"
        ? `Saved “${result.data.name}”`
        : mode === "copy"
          ? `Copy “${result.data.name}” created`
          : `Event “${result.data.name}” created`,
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

  const trigger = type ? describeTrigger(type) : null;
  const title =
    mode === "new"
      ? "Add event"
      : mode === "copy"
        ? "Copy event"
        : mode === "view"
          ? (stored?.name ?? "Event")
          : `Edit “${stored?.name ?? name}”`;
  const canSaveHere = mode !== "new" || step === 2;

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate>
        <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
          <Link href={listHref} className="hover:text-slate-900 hover:underline">
            Webhooks
          </Link>
          <span aria-hidden className="mx-1.5">
            /
          </span>
          <span className="text-slate-700">{mode === "new" ? "New event" : name || "Event"}</span>
        </nav>
        <div className="mb-6 flex items-end justify-between gap-4">
          <div className="min-w-0">
            <h1 className="flex items-center gap-2 text-2xl font-semibold tracking-tight text-slate-900">
              <span className="truncate">{title}</span>
              {stored?.locked ? (
                <Badge tone="neutral">
                  <LockIcon /> Default
                </Badge>
              ) : null}
            </h1>
            <p className="mt-1 text-sm text-slate-500">
              {mode === "copy" && copyOf
                ? `From “${copyOf.name}” to ${trigger ? `${trigger.group.toLowerCase()}, ${trigger.label}` : "another event"}. Nothing is saved until you press Save.`
                : trigger
                  ? `${trigger.group}: ${trigger.label}`
                  : "An event sends its webhook requests at one moment of the call."}
            </p>
          </div>
          {stored ? (
            <Link
              href={`${listHref}/${stored.id}/deliveries`}
              className="shrink-0 rounded-md px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600"
            >
              Delivery log →
            </Link>
          ) : null}
        </div>

        <div className="space-y-5">
          {readOnly ? (
            <Alert tone="info">
              <span className="flex items-start gap-2">
                <LockIcon className="mt-0.5 size-3.5 shrink-0" />
                <span>
                  {stored?.locked
                    ? "This is the project's default event: it cannot be edited or deleted. Turn it off in the table, or copy it and edit the copy."
                    : "You can look at this event; changing it needs the admin role in the project."}
                </span>
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
          <div hidden={step !== 2}>
            <RequestsStep stored={stored?.requests ?? []} />
          </div>
        </div>

        <div className="sticky bottom-4 z-20 mt-6 rounded-xl border border-slate-200 bg-white/95 shadow-lg backdrop-blur">
          <div className="flex items-center justify-between gap-3 px-4 py-3">
            <Button variant="ghost" onClick={() => guard.requestLeave(listHref)}>
              {readOnly ? "Back to webhooks" : "Cancel"}
            </Button>
            <div className="flex items-center gap-2">
              {dirty ? <span className="mr-2 text-xs text-slate-500">Unsaved changes</span> : null}
              {step === 2 ? (
                <Button variant="secondary" onClick={() => setStep(1)}>
                  Back
                </Button>
              ) : (
                <Button variant={canSaveHere ? "secondary" : "primary"} onClick={next}>
                  Next: webhook requests
                </Button>
              )}
              {readOnly ? (
                canEdit ? (
                  <Button onClick={() => setCopying(true)}>Copy</Button>
                ) : null
              ) : canSaveHere ? (
                <Button type="submit" pending={save.isPending}>
                  {mode === "edit" ? "Save changes" : "Save event"}
                </Button>
              ) : null}
            </div>
          </div>
        </div>
      </form>

      <ConfirmDialog
        open={guard.pendingHref !== null}
        title="Leave without saving?"
        description="Your changes to this event will be lost."
        confirmLabel="Discard changes"
        cancelLabel="Keep editing"
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
