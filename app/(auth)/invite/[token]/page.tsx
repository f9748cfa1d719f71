import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/app/_lib/session";
import { InviteAccept, InviteUnusable } from "@/components/auth/invite-accept";
import { requestLocale } from "@/i18n/request-locale";
import { lookUpInvite } from "@/lib/auth/invites";
import type { InviteLookup } from "@/lib/auth/member-serializers";
import { AppError } from "@/lib/errors";
import { wordsOf } from "@/lib/i18n/catalog-words";

// The token is in the path: no Referer carries it to another site.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("metadata");
  return { title: t("invite"), referrer: "no-referrer" };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let invite: InviteLookup;
  try {
    invite = await lookUpInvite(token);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") {
      const reason = error.text
        ? wordsOf(await requestLocale(), "serverErrors", error.text)
        : error.message;
      return <InviteUnusable reason={reason} />;
    }
    throw error;
  }
  const user = await getCurrentUser();
  return <InviteAccept token={token} invite={invite} signedInAs={user?.email ?? null} />;
}
