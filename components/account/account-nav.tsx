"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const ITEMS = [
  { segment: "webhooks", label: "Webhooks" },
  { segment: "errors", label: "Webhook error check" },
  { segment: "simulator", label: "Simulate a call" },
  { segment: "settings", label: "Project settings" },
] as const;

export function AccountNav({ projectId }: { projectId: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Account" className="px-3">
      <ul className="space-y-0.5">
        {ITEMS.map((item) => {
          const href = `/projects/${projectId}/${item.segment}`;
          const active = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={item.segment}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={`block rounded-md px-3 py-2 text-sm font-medium transition ${
                  active
                    ? "bg-brand-50 text-brand-700"
                    : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
