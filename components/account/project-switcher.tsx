"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { createProjectAction, switchProjectAction } from "@/app/_actions/projects";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { CheckIcon, ChevronIcon, PlusIcon } from "@/components/ui/icons";
import { POPOVER_PANEL, useAnchoredPopover } from "@/components/ui/popover";
import { isRole } from "@/lib/auth/roles";
import { projectCreateSchema } from "@/lib/projects/schemas";

type ProjectOption = { id: string; name: string; role: string };

const ITEM =
  "flex w-full items-center gap-2 rounded-md px-2.5 py-1.5 text-left text-sm text-slate-700 outline-none hover:bg-slate-100 focus-visible:bg-slate-100";

/**
 * The project name at the top of the sidebar opens the list of the user's projects; picking one
 * goes there and remembers it for the home page. "New project" creates one the user owns.
 */
export function ProjectSwitcher({
  projectId,
  projects,
}: {
  projectId: string;
  projects: ProjectOption[];
}) {
  const t = useTranslations("projects");
  const tRole = useTranslations("shell.role");
  const { id, anchorRef, popoverRef, open, hide } = useAnchoredPopover({ gap: 6 });
  const [creating, setCreating] = useState(false);
  const [switching, startSwitch] = useTransition();
  const current = projects.find((p) => p.id === projectId);

  function switchTo(project: ProjectOption) {
    hide();
    if (project.id === projectId) return;
    startSwitch(async () => {
      const result = await switchProjectAction(project.id);
      if (result && !result.ok) toast.error(result.message);
    });
  }

  return (
    <>
      <button
        ref={(node) => {
          anchorRef.current = node;
        }}
        type="button"
        popoverTarget={id}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-busy={switching || undefined}
        aria-label={t("switcherLabel", { name: current?.name ?? "" })}
        data-testid="project-switcher"
        className="flex min-w-0 flex-1 items-center gap-1 rounded-md px-1.5 py-1 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <span className="min-w-0 flex-1">
          <span className="block truncate text-sm font-semibold text-slate-900">
            {current?.name}
          </span>
          <span className="block text-xs text-slate-500">{t("integration")}</span>
        </span>
        <ChevronIcon className="size-4 shrink-0 text-slate-400" />
      </button>
      <div
        ref={popoverRef}
        id={id}
        popover="auto"
        role="menu"
        aria-label={t("menuLabel")}
        className={`${POPOVER_PANEL} w-56`}
      >
        {projects.map((project) => (
          <button
            key={project.id}
            type="button"
            role="menuitem"
            className={ITEM}
            onClick={() => switchTo(project)}
          >
            <span className="min-w-0 flex-1 truncate">{project.name}</span>
            <span className="text-xs capitalize text-slate-400">
              {isRole(project.role) ? tRole(project.role) : project.role}
            </span>
            {project.id === projectId ? <CheckIcon className="size-4 text-brand-600" /> : null}
          </button>
        ))}
        <div className="my-1 border-t border-slate-100" />
        <button
          type="button"
          role="menuitem"
          className={ITEM}
          onClick={() => {
            hide();
            setCreating(true);
          }}
        >
          <PlusIcon />
          {t("new")}
        </button>
      </div>
      <NewProjectDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function NewProjectDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations("projects");
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t("new")}
      description={t("newDescription")}
      size="sm"
    >
      <NewProjectForm onCancel={onClose} />
    </Dialog>
  );
}

/** Creates a project the signed-in user owns and goes to it (also on the no-project page). */
export function NewProjectForm({ onCancel }: { onCancel?: () => void }) {
  const t = useTranslations("projects");
  const { form, onSubmit, pending, formError } = useServerForm(
    projectCreateSchema,
    createProjectAction,
    { defaultValues: { name: "" } },
  );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 text-left">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field
        label={t("name")}
        data-autofocus
        error={form.formState.errors.name?.message}
        {...form.register("name")}
      />
      <div className="flex justify-end gap-2">
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel}>
            {t("cancel")}
          </Button>
        ) : null}
        <Button type="submit" pending={pending}>
          {t("create")}
        </Button>
      </div>
    </form>
  );
}
