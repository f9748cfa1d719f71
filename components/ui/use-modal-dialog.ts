"use client";

import { type MouseEvent, type SyntheticEvent, useEffect, useRef } from "react";

/**
 * The behaviour shared by every modal on the native <dialog>: React says whether it is open,
 * the browser traps focus, shows the top layer and gives focus back to the opener. Escape and a
 * click on the backdrop ask the owner to close. The first `data-autofocus` element gets focus.
 */
export function useModalDialog(open: boolean, onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return {
    ref,
    onCancel: (event: SyntheticEvent<HTMLDialogElement>) => {
      event.preventDefault();
      onClose();
    },
    // A click on the backdrop lands on the <dialog> itself, outside the panel.
    onClick: (event: MouseEvent<HTMLDialogElement>) => {
      if (event.target === ref.current) onClose();
    },
  };
}
