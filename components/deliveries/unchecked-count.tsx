"use client";

import { useTranslations } from "next-intl";
import { createContext, type ReactNode, useContext } from "react";

const UncheckedFailures = createContext<number | null>(null);

/**
 * The number of failed webhooks nobody has checked yet, counted by the project layout on the
 * server; actions that change it refresh the layout, so the navigation badge follows.
 */
export function UncheckedFailuresProvider({
  count,
  children,
}: {
  count: number;
  children: ReactNode;
}) {
  return <UncheckedFailures.Provider value={count}>{children}</UncheckedFailures.Provider>;
}

export function useUncheckedFailures(): number | null {
  return useContext(UncheckedFailures);
}

/** "99+" past 99, so the badge keeps its size. */
export function UncheckedBadge({ count }: { count: number }) {
  const t = useTranslations("nav");
  if (count <= 0) return null;
  return (
    <span
      data-testid="unchecked-failures"
      data-count={count}
      className="ml-auto inline-flex min-w-5 shrink-0 items-center justify-center rounded-full bg-red-600 px-1.5 py-px text-[11px] leading-4 font-semibold text-white tabular-nums"
    >
      {count > 99 ? "99+" : count}
      <span className="sr-only"> {t("unchecked", { count })}</span>
    </span>
  );
}
