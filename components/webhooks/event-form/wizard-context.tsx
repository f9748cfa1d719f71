"use client";

import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";

type Listener = (path: string) => void;

type WizardContextValue = {
  readOnly: boolean;
  projectId: string;
  /** The stored event being edited or viewed; none for a new event or a copy. */
  eventId?: string;
  /** Admins may test-send even where the form is read-only (the locked default event). */
  canSendTest: boolean;
  /** Admins may reveal the stored event's hidden values (it has an id); viewers never. */
  canReveal: boolean;
  /** Signing secrets the admin revealed or rotated, by request id; none until asked. */
  signingSecrets: Readonly<Record<string, string>>;
  addSigningSecrets: (secrets: Record<string, string>) => void;
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
  canReveal,
  children,
}: {
  readOnly: boolean;
  projectId: string;
  eventId?: string;
  canSendTest: boolean;
  canReveal: boolean;
  children: ReactNode;
}) {
  const listeners = useRef(new Set<Listener>());
  const [signingSecrets, setSigningSecrets] = useState<Record<string, string>>({});
  const value = useMemo<WizardContextValue>(
    () => ({
      readOnly,
      projectId,
      eventId,
      canSendTest,
      canReveal: canReveal && eventId !== undefined,
      signingSecrets,
      addSigningSecrets: (secrets) => setSigningSecrets((current) => ({ ...current, ...secrets })),
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
    [readOnly, projectId, eventId, canSendTest, canReveal, signingSecrets],
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
