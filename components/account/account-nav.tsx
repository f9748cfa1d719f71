"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { UncheckedBadge, useUncheckedFailures } from "@/components/deliveries/unchecked-count";

const ITEMS = [
  { segment: "webhooks", label: "Webhooks" },
  { segment: "webhooks/errors", label: "Webhook error check" },
  { segment: "simulator", label: "Simulate a call" },
  { segment: "settings", label: "Project settings" },
] as const;

/** The item whose path is the longest prefix of the page's: the error check is not also "Webhooks". */
function activeSegment(pathname: string, projectId: string): string | undefined {
  const base = `/projects/${projectId}/`;
  return ITEMS.map((item) => item.segment)
    .filter((segment) => pathname === base + segment || pathname.startsWith(`${base + segment}/`))
    .sort((a, b) => b.length - a.length)[0];
}

export function AccountNav({ projectId }: { projectId: string }) {
  const pathname = usePathname();
  const current = activeSegment(pathname, projectId);
  const unchecked = useUncheckedFailures() ?? 0;
  return (
    <nav aria-label="Account" className="px-3">
      <ul className="space-y-0.5">
        {ITEMS.map((item) => {
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
                <span className="whitespace-nowrap">{item.label}</span>
                {item.segment === "webhooks/errors" ? <UncheckedBadge count={unchecked} /> : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
