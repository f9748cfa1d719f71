"use client";

import { useId } from "react";

type Option<T extends string> = { value: T; label: string };

/**
 * Mutually exclusive views as native radio buttons styled as one control: Tab reaches the
 * chosen one and the arrow keys move the choice, as the browser does for any radio group.
 */
export function SegmentedControl<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: Option<T>[];
  onChange: (value: T) => void;
}) {
  const name = useId();
  return (
    <fieldset className="inline-flex rounded-md bg-slate-100 p-0.5 ring-1 ring-slate-200 ring-inset">
      <legend className="sr-only">{label}</legend>
      {options.map((option) => (
        <label key={option.value} className="relative">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={option.value === value}
            onChange={() => onChange(option.value)}
            className="peer sr-only"
          />
          <span className="block cursor-pointer rounded px-3 py-1 text-sm font-medium text-slate-600 transition select-none peer-checked:bg-white peer-checked:text-slate-900 peer-checked:shadow-xs peer-focus-visible:outline-2 peer-focus-visible:outline-offset-1 peer-focus-visible:outline-brand-600 hover:text-slate-900">
            {option.label}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
