"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { createInviteAction } from "@/app/_actions/members";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { ShownOnce } from "@/components/ui/shown-once";
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
        <ShownOnce
          testId="new-invite-link"
          message={t("copyNow", { email: created.email })}
          value={created.link}
          labels={{
            copy: t("copy"),
            copied: t("copied"),
            copyFailed: t("copyFailed"),
            done: t("done"),
          }}
          onDone={() => setCreated(null)}
        />
      ) : null}
    </Card>
  );
}
