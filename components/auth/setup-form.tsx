"use client";

import { setupAction } from "@/app/_actions/auth";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PASSWORD_MIN_LENGTH, setupSchema } from "@/lib/auth/schemas";

export function SetupForm() {
  const { form, onSubmit, pending, formError } = useServerForm(setupSchema, setupAction, {
    defaultValues: { email: "", password: "", projectName: "My project" },
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">Create the first administrator</h1>
        <p className="mt-1.5 text-sm text-slate-500">
          This account owns the first project and its webhooks.
        </p>
      </div>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field
        label="Email"
        type="email"
        autoComplete="email"
        error={errors.email?.message}
        {...form.register("email")}
      />
      <Field
        label="Password"
        type="password"
        autoComplete="new-password"
        error={errors.password?.message}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        {...form.register("password")}
      />
      <Field
        label="Project name"
        error={errors.projectName?.message}
        {...form.register("projectName")}
      />
      <Button type="submit" pending={pending} className="w-full">
        Create administrator
      </Button>
    </form>
  );
}
