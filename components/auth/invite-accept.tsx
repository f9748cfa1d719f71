"use client";

import Link from "next/link";
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
import { inviteSignInSchema, inviteSignUpSchema } from "@/lib/auth/schemas";

export function InviteUnusable({ reason }: { reason: string }) {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold text-slate-900">This invite cannot be used</h1>
      <Alert tone="error">{reason}</Alert>
      <p className="text-sm text-slate-500">
        Ask the person who invited you for a new link, or{" "}
        <Link href="/login" className="font-medium underline">
          sign in
        </Link>
        .
      </p>
    </div>
  );
}

/** Who the invite is for and what they may do: the heading of every variant of the page. */
function InviteHeading({ invite }: { invite: InviteLookup }) {
  return (
    <div>
      <h1 className="text-xl font-semibold text-slate-900">Join {invite.projectName}</h1>
      <p className="mt-1.5 text-sm text-slate-500">
        You are invited as <strong className="font-medium text-slate-700">{invite.role}</strong>{" "}
        with the email <strong className="font-medium text-slate-700">{invite.email}</strong>.
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
  if (signedInAs === invite.email) return <JoinAsSignedIn token={token} invite={invite} />;
  if (signedInAs) {
    return (
      <div className="space-y-5">
        <InviteHeading invite={invite} />
        <Alert tone="error">
          You are signed in as {signedInAs}. Log out, then open the invite link again.
        </Alert>
        <form action={logoutAction}>
          <Button type="submit" variant="secondary" className="w-full">
            Log out
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
        Join project
      </Button>
    </div>
  );
}

function SignInToJoin({ token, invite }: { token: string; invite: InviteLookup }) {
  const { form, onSubmit, pending, formError } = useServerForm(
    inviteSignInSchema,
    (values) => acceptInviteSignInAction(token, values),
    { defaultValues: { password: "" } },
  );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <InviteHeading invite={invite} />
      <p className="text-sm text-slate-600">This email has an account: sign in to join.</p>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field
        label="Password"
        type="password"
        autoComplete="current-password"
        error={form.formState.errors.password?.message}
        {...form.register("password")}
      />
      <Button type="submit" pending={pending} className="w-full">
        Sign in and join
      </Button>
    </form>
  );
}

function SignUpToJoin({ token, invite }: { token: string; invite: InviteLookup }) {
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
        label="Your name"
        autoComplete="name"
        error={errors.name?.message}
        {...form.register("name")}
      />
      <Field
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters"
        error={errors.password?.message}
        {...form.register("password")}
      />
      <Button type="submit" pending={pending} className="w-full">
        Create account and join
      </Button>
    </form>
  );
}
