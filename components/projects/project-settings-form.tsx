"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("settings.general");
  const { form, onSubmit, pending, formError } = useServerForm(
    projectSettingsSchema,
    async (values) => {
      const result = await updateProjectSettingsAction(project.id, values);
      if (result.ok) {
        toast.success(t("saved"));
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
    <Card title={t("title")} description={t("description")}>
      <form onSubmit={onSubmit} noValidate className="space-y-5">
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <fieldset disabled={!canEdit} className="grid grid-cols-1 gap-5 md:grid-cols-2">
          <Field label={t("name")} error={errors.name?.message} {...form.register("name")} />
          <SelectField
            label={t("timeZone")}
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
            label={t("gaId")}
            placeholder="G-XXXXXXXXXX"
            error={errors.gaMeasurementId?.message}
            hint={t("gaIdHint")}
            {...form.register("gaMeasurementId")}
          />
          <Field
            label={t("gaSecret")}
            type="password"
            autoComplete="off"
            placeholder={project.gaApiSecretSet ? t("gaSecretSaved") : t("gaSecretPlaceholder")}
            error={errors.gaApiSecret?.message}
            {...form.register("gaApiSecret")}
          />
        </fieldset>
        {canEdit ? (
          <div className="flex justify-end">
            <Button type="submit" pending={pending}>
              {t("save")}
            </Button>
          </div>
        ) : null}
      </form>
    </Card>
  );
}
