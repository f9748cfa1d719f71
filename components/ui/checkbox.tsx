"use client";

import { type InputHTMLAttributes, useEffect, useRef } from "react";

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & {
  /** Shown as the dash of a partly selected group (the "select all" box). */
  indeterminate?: boolean;
  /** The accessible name; tables use it instead of a visible label. */
  label: string;
};

/** A native checkbox in the console's style; `indeterminate` is a DOM property, set here. */
export function Checkbox({
  indeterminate = false,
  label,
  className = "",
  ...props
}: CheckboxProps) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label={label}
      className={`size-4 cursor-pointer rounded border-slate-300 accent-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed ${className}`}
      {...props}
    />
  );
}
