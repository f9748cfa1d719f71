"use client";

import { useTranslations } from "next-intl";
import { setupAction } from "@/app/_actions/auth";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PASSWORD_MIN_LENGTH, setupSchema } from "@/lib/auth/schemas";

export function SetupForm() {
  const t = useTranslations("auth");
  const { form, onSubmit, pending, formError } = useServerForm(setupSchema, setupAction, {
    defaultValues: { email: "", password: "", projectName: t("setup.defaultProjectName") },
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">{t("setup.title")}</h1>
        <p className="mt-1.5 text-sm text-slate-500">{t("setup.subtitle")}</p>
      </div>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field
        label={t("email")}
        type="email"
        autoComplete="email"
        error={errors.email?.message}
        {...form.register("email")}
      />
      <Field
        label={t("password")}
        type="password"
        autoComplete="new-password"
        error={errors.password?.message}
        hint={t("setup.passwordHint", { min: PASSWORD_MIN_LENGTH })}
        {...form.register("password")}
      />
      <Field
        label={t("setup.projectName")}
        error={errors.projectName?.message}
        {...form.register("projectName")}
      />
      <Button type="submit" pending={pending} className="w-full">
        {t("setup.submit")}
      </Button>
    </form>
  );
}
