"use client";

import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef } from "react";

type Listener = (path: string) => void;

type WizardContextValue = {
  readOnly: boolean;
  projectId: string;
  /** The stored event being edited or viewed; none for a new event or a copy. */
  eventId?: string;
  /** Admins may test-send even where the form is read-only (the locked default event). */
  canSendTest: boolean;
  /** Opens every collapsed section on the way to a field, then focuses the field. */
  revealField: (path: string) => void;
  subscribe: (listener: Listener) => () => void;
};

const WizardContext = createContext<WizardContextValue | null>(null);

/** Focuses the field, or the nearest enclosing one that has a control (a chip's list). */
function focusField(path: string) {
  const parts = path.split(".");
  while (parts.length > 0) {
    const name = CSS.escape(parts.join("."));
    const target =
      document.querySelector<HTMLElement>(`[name="${name}"]`) ??
      document
        .querySelector(`[data-field="${name}"]`)
        ?.querySelector<HTMLElement>("input, select, textarea, button");
    if (target && target.offsetParent !== null) {
      target.scrollIntoView({ block: "center" });
      target.focus({ preventScroll: true });
      return;
    }
    parts.pop();
  }
}

export function WizardProvider({
  readOnly,
  projectId,
  eventId,
  canSendTest,
  children,
}: {
  readOnly: boolean;
  projectId: string;
  eventId?: string;
  canSendTest: boolean;
  children: ReactNode;
}) {
  const listeners = useRef(new Set<Listener>());
  const value = useMemo<WizardContextValue>(
    () => ({
      readOnly,
      projectId,
      eventId,
      canSendTest,
      subscribe: (listener) => {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
      revealField: (path) => {
        for (const listener of listeners.current) listener(path);
        // Sections open on the next render; focus after it.
        requestAnimationFrame(() => requestAnimationFrame(() => focusField(path)));
      },
    }),
    [readOnly, projectId, eventId, canSendTest],
  );
  return <WizardContext.Provider value={value}>{children}</WizardContext.Provider>;
}

export function useWizard(): WizardContextValue {
  const context = useContext(WizardContext);
  if (!context) throw new Error("useWizard outside WizardProvider");
  return context;
}

/** Runs `open` when a field at or under `prefix` is revealed. */
export function useRevealOn(prefix: string, open: () => void) {
  const { subscribe } = useWizard();
  const openRef = useRef(open);
  openRef.current = open;
  useEffect(
    () =>
      subscribe((path) => {
        if (path === prefix || path.startsWith(`${prefix}.`)) openRef.current();
      }),
    [subscribe, prefix],
  );
}
