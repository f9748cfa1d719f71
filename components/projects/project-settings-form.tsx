"use client";

import { toast } from "sonner";
import { updateProjectSettingsAction } from "@/app/_actions/project-settings";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { projectSettingsSchema } from "@/lib/projects/schemas";
import type { ProjectDto } from "@/lib/projects/serializers";

export function ProjectSettingsForm({
  project,
  timeZones,
  canEdit,
}: {
  project: ProjectDto;
  timeZones: string[];
  canEdit: boolean;
}) {
  const { form, onSubmit, pending, formError } = useServerForm(
    projectSettingsSchema,
    async (values) => {
      const result = await updateProjectSettingsAction(project.id, values);
      if (result.ok) {
        toast.success("Project settings saved");
        form.reset({ ...values, gaApiSecret: "" });
      }
      return result;
    },
    {
      defaultValues: {
        name: project.name,
        timeZone: project.timeZone,
        gaMeasurementId: project.gaMeasurementId,
        gaApiSecret: "",
      },
    },
  );
  const { errors } = form.formState;
  const zones = timeZones.includes(project.timeZone) ? timeZones : [project.timeZone, ...timeZones];
  return (
    <Card title="General" description="Dates in webhooks use the project's time zone.">
      <form onSubmit={onSubmit} noValidate className="space-y-5">
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <fieldset disabled={!canEdit} className="grid grid-cols-1 gap-5 md:grid-cols-2">
          <Field label="Project name" error={errors.name?.message} {...form.register("name")} />
          <SelectField
            label="Time zone"
            error={errors.timeZone?.message}
            {...form.register("timeZone")}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll("_", " ")}
              </option>
            ))}
          </SelectField>
          <Field
            label="GA4 measurement id"
            placeholder="G-XXXXXXXXXX"
            error={errors.gaMeasurementId?.message}
            hint="Used by the default Google Analytics event."
            {...form.register("gaMeasurementId")}
          />
          <Field
            label="GA4 API secret"
            type="password"
            autoComplete="off"
            placeholder={
              project.gaApiSecretSet
                ? "•••••••• (saved; type to replace)"
                : "Measurement Protocol API secret"
            }
            error={errors.gaApiSecret?.message}
            {...form.register("gaApiSecret")}
          />
        </fieldset>
        {canEdit ? (
          <div className="flex justify-end">
            <Button type="submit" pending={pending}>
              Save settings
            </Button>
          </div>
        ) : null}
      </form>
    </Card>
  );
}
