"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useId } from "react";
import { XIcon } from "./icons";
import { useModalDialog } from "./use-modal-dialog";

type DrawerProps = {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  /** A line under the title (status, time). */
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
  /** Accessible name when the title is not plain text. */
  label?: string;
};

/**
 * A side sheet on the native <dialog>, like Dialog: the browser traps focus, closes it on Escape
 * and gives focus back to the opener. It slides in from the right over the page and keeps the
 * list behind it in view on wide screens.
 */
export function Drawer({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  label,
}: DrawerProps) {
  const tUi = useTranslations("ui");
  const modal = useModalDialog(open, onClose);
  const titleId = useId();

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the click only catches the backdrop; Escape (the cancel event) is its keyboard twin
    <dialog
      ref={modal.ref}
      aria-labelledby={label ? undefined : titleId}
      aria-label={label}
      onCancel={modal.onCancel}
      onClick={modal.onClick}
      className="fixed inset-y-0 right-0 left-auto m-0 h-dvh max-h-dvh w-[min(46rem,calc(100vw-3rem))] max-w-none border-l border-slate-200 bg-white p-0 text-slate-900 shadow-2xl transition duration-200 ease-out backdrop:bg-slate-900/30 starting:open:translate-x-6 starting:open:opacity-0"
    >
      {open ? (
        <div className="flex h-full flex-col">
          <header className="flex items-start justify-between gap-4 border-b border-slate-200 px-6 py-4">
            <div className="min-w-0">
              <h2 id={titleId} className="truncate text-base font-semibold text-slate-900">
                {title}
              </h2>
              {description ? (
                <div className="mt-1 text-sm text-slate-500">{description}</div>
              ) : null}
            </div>
            <button
              type="button"
              onClick={onClose}
              aria-label={tUi("close")}
              className="-mr-2 rounded-md p-1.5 text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-brand-600"
            >
              <XIcon className="size-5" />
            </button>
          </header>
          <div className="min-h-0 flex-1 overflow-y-auto px-6 py-5">{children}</div>
          {footer ? (
            <footer className="flex flex-wrap items-center justify-end gap-2 border-t border-slate-200 bg-slate-50 px-6 py-3">
              {footer}
            </footer>
          ) : null}
        </div>
      ) : null}
    </dialog>
  );
}
