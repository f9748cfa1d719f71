"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { createInviteAction } from "@/app/_actions/members";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { inviteCreateSchema } from "@/lib/auth/schemas";

export function InviteForm({ projectId }: { projectId: string }) {
  const t = useTranslations("members.invite");
  const tRole = useTranslations("members.role");
  const [created, setCreated] = useState<{ link: string; email: string } | null>(null);
  const { form, onSubmit, pending, formError } = useServerForm(
    inviteCreateSchema,
    async (values) => {
      const result = await createInviteAction(projectId, values);
      if (result.ok) {
        setCreated({
          link: new URL(result.data.path, window.location.origin).toString(),
          email: result.data.invite.email,
        });
        form.reset({ email: "", role: values.role });
      }
      return result;
    },
    { defaultValues: { email: "", role: "viewer" } },
  );
  const { errors } = form.formState;

  return (
    <Card title={t("title")} description={t("description")}>
      <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-3">
        <Field
          label={t("email")}
          type="email"
          placeholder="colleague@example.com"
          className="w-72"
          error={errors.email?.message}
          {...form.register("email")}
        />
        <SelectField
          label={t("role")}
          className="w-40"
          error={errors.role?.message}
          {...form.register("role")}
        >
          <option value="viewer">{tRole("viewer")}</option>
          <option value="admin">{tRole("admin")}</option>
        </SelectField>
        <Button type="submit" pending={pending} className="mt-6.5">
          {t("create")}
        </Button>
      </form>
      {formError ? (
        <div className="mt-4">
          <Alert tone="error">{formError}</Alert>
        </div>
      ) : null}

      {created ? (
        <div
          role="status"
          className="mt-5 rounded-lg border border-amber-200 bg-amber-50 p-4"
          data-testid="new-invite-link"
        >
          <p className="text-sm font-medium text-amber-900">
            {t("copyNow", { email: created.email })}
          </p>
          <div className="mt-2 flex items-center gap-2">
            <code className="min-w-0 flex-1 select-all break-all rounded bg-white px-3 py-2 font-mono text-sm ring-1 ring-amber-200">
              {created.link}
            </code>
            <Button
              variant="secondary"
              onClick={() =>
                navigator.clipboard
                  .writeText(created.link)
                  .then(() => toast.success(t("copied")))
                  .catch(() => toast.error(t("copyFailed")))
              }
            >
              {t("copy")}
            </Button>
            <Button variant="ghost" onClick={() => setCreated(null)}>
              {t("done")}
            </Button>
          </div>
        </div>
      ) : null}
    </Card>
  );
}
