"use client";

import Link from "next/link";
import { type KeyboardEvent, type ReactNode, useEffect } from "react";
import { DotsIcon } from "./icons";
import { POPOVER_PANEL, useAnchoredPopover } from "./popover";

const ITEM =
  "flex w-full items-center gap-2 rounded-md px-2.5 py-1.5 text-left text-sm text-slate-700 outline-none hover:bg-slate-100 focus-visible:bg-slate-100 focus-visible:text-slate-900";

export type MenuEntry =
  | { label: string; icon?: ReactNode; href: string; tone?: "danger" }
  | { label: string; icon?: ReactNode; onSelect: () => void; tone?: "danger" };

/**
 * A "⋯" button that opens a menu (WAI-ARIA menu button): arrows move between items, Home/End
 * jump, Escape or Tab closes it and focus goes back to the button.
 */
export function DropdownMenu({ label, items }: { label: string; items: MenuEntry[] }) {
  const { id, anchorRef, popoverRef, open, hide } = useAnchoredPopover({ align: "end" });

  useEffect(() => {
    if (open) popoverRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open, popoverRef]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const entries = [
      ...(popoverRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []),
    ];
    const index = entries.indexOf(document.activeElement as HTMLElement);
    const focus = (i: number) => entries[(i + entries.length) % entries.length]?.focus();
    if (event.key === "ArrowDown") focus(index + 1);
    else if (event.key === "ArrowUp") focus(index - 1);
    else if (event.key === "Home") focus(0);
    else if (event.key === "End") focus(entries.length - 1);
    else if (event.key === "Tab") {
      hide();
      return;
    } else return;
    event.preventDefault();
  }

  return (
    <>
      <button
        ref={(node) => {
          anchorRef.current = node;
        }}
        type="button"
        popoverTarget={id}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={label}
        className="rounded-md p-1.5 text-slate-500 transition hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600 aria-expanded:bg-slate-100 aria-expanded:text-slate-900"
      >
        <DotsIcon className="size-5" />
      </button>
      <div
        ref={popoverRef}
        id={id}
        popover="auto"
        role="menu"
        aria-label={label}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        className={`${POPOVER_PANEL} min-w-40`}
      >
        {items.map((item) => {
          const className = `${ITEM} ${item.tone === "danger" ? "text-red-700 hover:bg-red-50 focus-visible:bg-red-50 focus-visible:text-red-800" : ""}`;
          return "href" in item ? (
            <Link
              key={item.label}
              href={item.href}
              role="menuitem"
              tabIndex={-1}
              className={className}
              onClick={hide}
            >
              {item.icon}
              {item.label}
            </Link>
          ) : (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={className}
              onClick={() => {
                hide();
                item.onSelect();
              }}
            >
              {item.icon}
              {item.label}
            </button>
          );
        })}
      </div>
    </>
  );
}
