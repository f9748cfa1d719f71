"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, parseArgument, runAction } from "@/app/_actions/action-result";
import { requireUserAction } from "@/app/_lib/session";
import { setUserLocale } from "@/lib/auth/user-locale";
import { catalogs } from "@/lib/i18n/catalogs";

/** Saves the interface language on the user; every page renders in it from then on. */
export async function setLocaleAction(locale: string): Promise<ActionResult> {
  const result = await runAction(async () => {
    const user = await requireUserAction();
    await setUserLocale(user.id, parseArgument("locale", catalogs().schema, locale));
    return undefined;
  });
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
