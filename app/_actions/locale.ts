"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, parseArgument, runAction } from "@/app/_actions/action-result";
import { requireUserAction } from "@/app/_lib/session";
import { setUserLocale } from "@/lib/auth/user-locale";
import { localeSchema } from "@/lib/i18n/locales";

/** Saves the interface language on the user; every page renders in it from then on. */
export async function setLocaleAction(locale: string): Promise<ActionResult> {
  const result = await runAction(async () => {
    const user = await requireUserAction();
    await setUserLocale(user.id, parseArgument("locale", localeSchema, locale));
    return undefined;
  });
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
