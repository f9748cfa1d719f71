"use client";

import { useTranslations } from "next-intl";
import { loginAction } from "@/app/_actions/auth";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { loginSchema } from "@/lib/auth/schemas";

export function LoginForm() {
  const t = useTranslations("auth");
  const { form, onSubmit, pending, formError } = useServerForm(loginSchema, loginAction, {
    defaultValues: { email: "", password: "" },
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">{t("login.title")}</h1>
        <p className="mt-1.5 text-sm text-slate-500">{t("login.subtitle")}</p>
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
        autoComplete="current-password"
        error={errors.password?.message}
        {...form.register("password")}
      />
      <Button type="submit" pending={pending} className="w-full">
        {t("login.submit")}
      </Button>
    </form>
  );
}
