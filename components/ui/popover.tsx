"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";

type Align = "start" | "end";

/**
 * A popover in the browser's top layer (the `popover` attribute), placed under its anchor. The
 * top layer escapes every `overflow: hidden` ancestor, such as a table's rounded frame, and the
 * browser handles Escape and clicks outside (light dismiss).
 */
export function useAnchoredPopover<TPopover extends HTMLElement = HTMLDivElement>({
  align = "start",
  gap = 4,
}: {
  align?: Align;
  gap?: number;
} = {}) {
  const id = useId();
  const anchorRef = useRef<HTMLElement | null>(null);
  const popoverRef = useRef<TPopover | null>(null);
  const [open, setOpen] = useState(false);

  const place = useCallback(() => {
    const anchor = anchorRef.current;
    const popover = popoverRef.current;
    if (!anchor || !popover) return;
    const rect = anchor.getBoundingClientRect();
    const below = window.innerHeight - rect.bottom;
    const style = popover.style;
    style.left = style.right = style.top = style.bottom = "auto";
    // Too little room below and more above: open upwards.
    if (below < 240 && rect.top > below) {
      style.bottom = `${window.innerHeight - rect.top + gap}px`;
      style.maxHeight = `${rect.top - gap - 8}px`;
    } else {
      style.top = `${rect.bottom + gap}px`;
      style.maxHeight = `${below - gap - 8}px`;
    }
    if (align === "end") style.right = `${Math.max(8, window.innerWidth - rect.right)}px`;
    else style.left = `${Math.max(8, rect.left)}px`;
  }, [align, gap]);

  useEffect(() => {
    const popover = popoverRef.current;
    if (!popover) return;
    const beforeToggle = (event: Event) => {
      if ((event as ToggleEvent).newState === "open") place();
    };
    const toggle = (event: Event) => setOpen((event as ToggleEvent).newState === "open");
    popover.addEventListener("beforetoggle", beforeToggle);
    popover.addEventListener("toggle", toggle);
    return () => {
      popover.removeEventListener("beforetoggle", beforeToggle);
      popover.removeEventListener("toggle", toggle);
    };
  }, [place]);

  // The popover is fixed in the viewport: it follows its anchor when the page scrolls.
  useEffect(() => {
    if (!open) return;
    const follow = (event: Event) => {
      if (event.target instanceof Node && popoverRef.current?.contains(event.target)) return;
      place();
    };
    window.addEventListener("scroll", follow, true);
    window.addEventListener("resize", follow);
    return () => {
      window.removeEventListener("scroll", follow, true);
      window.removeEventListener("resize", follow);
    };
  }, [open, place]);

  const show = useCallback(() => {
    const popover = popoverRef.current;
    if (popover && !popover.matches(":popover-open")) popover.showPopover();
  }, []);
  const hide = useCallback(() => {
    const popover = popoverRef.current;
    if (popover?.matches(":popover-open")) popover.hidePopover();
  }, []);

  return { id: `popover${id.replace(/:/g, "")}`, anchorRef, popoverRef, open, show, hide, place };
}

export const POPOVER_PANEL =
  "m-0 inset-auto overflow-y-auto rounded-lg border border-slate-200 bg-white p-1 text-sm text-slate-800 shadow-lg";
