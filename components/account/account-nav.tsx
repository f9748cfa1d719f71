"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { UncheckedBadge, useUncheckedFailures } from "@/components/deliveries/unchecked-count";

const ITEMS = [
  { segment: "webhooks", label: "webhooks", managersOnly: false },
  { segment: "webhooks/errors", label: "errorCheck", managersOnly: false },
  { segment: "simulator", label: "simulator", managersOnly: false },
  { segment: "settings", label: "settings", managersOnly: false },
  { segment: "members", label: "members", managersOnly: true },
] as const;

/** The item whose path is the longest prefix of the page's: the error check is not also "Webhooks". */
function activeSegment(pathname: string, projectId: string): string | undefined {
  const base = `/projects/${projectId}/`;
  return ITEMS.map((item) => item.segment)
    .filter((segment) => pathname === base + segment || pathname.startsWith(`${base + segment}/`))
    .sort((a, b) => b.length - a.length)[0];
}

export function AccountNav({
  projectId,
  canManageMembers,
}: {
  projectId: string;
  /** Viewers do not see the Members item (its page answers them 404). */
  canManageMembers: boolean;
}) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const current = activeSegment(pathname, projectId);
  const unchecked = useUncheckedFailures() ?? 0;
  return (
    <nav aria-label={t("label")} className="px-3">
      <ul className="space-y-0.5">
        {ITEMS.filter((item) => canManageMembers || !item.managersOnly).map((item) => {
          const href = `/projects/${projectId}/${item.segment}`;
          const active = item.segment === current;
          return (
            <li key={item.segment}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={`flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium transition ${
                  active
                    ? "bg-brand-50 text-brand-700"
                    : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"
                }`}
              >
                <span className="whitespace-nowrap">{t(item.label)}</span>
                {item.segment === "webhooks/errors" ? <UncheckedBadge count={unchecked} /> : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
