"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { logoutAction } from "@/app/_actions/auth";
import {
  acceptInviteAction,
  acceptInviteSignInAction,
  acceptInviteSignUpAction,
} from "@/app/_actions/members";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { InviteLookup } from "@/lib/auth/member-serializers";
import { isRole } from "@/lib/auth/roles";
import { inviteSignInSchema, inviteSignUpSchema, PASSWORD_MIN_LENGTH } from "@/lib/auth/schemas";

export function InviteUnusable({ reason }: { reason: string }) {
  const t = useTranslations("auth.invite");
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold text-slate-900">{t("unusable")}</h1>
      <Alert tone="error">{reason}</Alert>
      <p className="text-sm text-slate-500">
        {t.rich("askForNew", {
          link: (chunks) => (
            <Link href="/login" className="font-medium underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </div>
  );
}

/** Who the invite is for and what they may do: the heading of every variant of the page. */
function InviteHeading({ invite }: { invite: InviteLookup }) {
  const t = useTranslations("auth.invite");
  const tRole = useTranslations("shell.role");
  return (
    <div>
      <h1 className="text-xl font-semibold text-slate-900">
        {t("join", { project: invite.projectName })}
      </h1>
      <p className="mt-1.5 text-sm text-slate-500">
        {t.rich("invitedAs", {
          role: isRole(invite.role) ? tRole(invite.role) : invite.role,
          email: invite.email,
          strong: (chunks) => <strong className="font-medium text-slate-700">{chunks}</strong>,
        })}
      </p>
    </div>
  );
}

export function InviteAccept({
  token,
  invite,
  signedInAs,
}: {
  token: string;
  invite: InviteLookup;
  signedInAs: string | null;
}) {
  const t = useTranslations("auth.invite");
  if (signedInAs === invite.email) return <JoinAsSignedIn token={token} invite={invite} />;
  if (signedInAs) {
    return (
      <div className="space-y-5">
        <InviteHeading invite={invite} />
        <Alert tone="error">{t("signedInAsOther", { email: signedInAs })}</Alert>
        <form action={logoutAction}>
          <Button type="submit" variant="secondary" className="w-full">
            {t("logOut")}
          </Button>
        </form>
      </div>
    );
  }
  return invite.accountExists ? (
    <SignInToJoin token={token} invite={invite} />
  ) : (
    <SignUpToJoin token={token} invite={invite} />
  );
}

function JoinAsSignedIn({ token, invite }: { token: string; invite: InviteLookup }) {
  const t = useTranslations("auth.invite");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="space-y-5">
      <InviteHeading invite={invite} />
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button
        className="w-full"
        pending={pending}
        onClick={() =>
          start(async () => {
            const result = await acceptInviteAction(token);
            if (result && !result.ok) setError(result.message);
          })
        }
      >
        {t("joinProject")}
      </Button>
    </div>
  );
}

function SignInToJoin({ token, invite }: { token: string; invite: InviteLookup }) {
  const t = useTranslations("auth");
  const { form, onSubmit, pending, formError } = useServerForm(
    inviteSignInSchema,
    (values) => acceptInviteSignInAction(token, values),
    { defaultValues: { password: "" } },
  );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <InviteHeading invite={invite} />
      <p className="text-sm text-slate-600">{t("invite.hasAccount")}</p>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field
        label={t("password")}
        type="password"
        autoComplete="current-password"
        error={form.formState.errors.password?.message}
        {...form.register("password")}
      />
      <Button type="submit" pending={pending} className="w-full">
        {t("invite.signInAndJoin")}
      </Button>
    </form>
  );
}

function SignUpToJoin({ token, invite }: { token: string; invite: InviteLookup }) {
  const t = useTranslations("auth");
  const { form, onSubmit, pending, formError } = useServerForm(
    inviteSignUpSchema,
    (values) => acceptInviteSignUpAction(token, values),
    { defaultValues: { name: "", password: "" } },
  );
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <InviteHeading invite={invite} />
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field
        label={t("invite.yourName")}
        autoComplete="name"
        error={errors.name?.message}
        {...form.register("name")}
      />
      <Field
        label={t("password")}
        type="password"
        autoComplete="new-password"
        hint={t("invite.passwordHint", { min: PASSWORD_MIN_LENGTH })}
        error={errors.password?.message}
        {...form.register("password")}
      />
      <Button type="submit" pending={pending} className="w-full">
        {t("invite.signUpAndJoin")}
      </Button>
    </form>
  );
}
