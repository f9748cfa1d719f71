"use client";

import { type KeyboardEvent, type ReactNode, useId, useState } from "react";
import { XIcon } from "./icons";

type ChipsInputProps = {
  label: string;
  value: string[];
  onChange: (value: string[]) => void;
  placeholder?: string;
  hint?: ReactNode;
  error?: string;
  disabled?: boolean;
  id?: string;
};

/** Free-text values as removable chips: Enter or comma adds, Backspace on empty removes the last. */
export function ChipsInput({
  label,
  value,
  onChange,
  placeholder,
  hint,
  error,
  disabled,
  id,
}: ChipsInputProps) {
  const generated = useId();
  const inputId = id ?? generated;
  // The half-typed entry is not form data until Enter adds it.
  const [draft, setDraft] = useState("");

  function add(text: string) {
    const entries = text
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s && !value.includes(s));
    if (entries.length > 0) onChange([...value, ...entries]);
    setDraft("");
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      add(draft);
    } else if (event.key === "Backspace" && draft === "" && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  }

  return (
    <div>
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <div
        className={`mt-1.5 flex min-h-[38px] flex-wrap items-center gap-1.5 rounded-md border bg-white px-2 py-1.5 shadow-xs focus-within:ring-2 ${
          error
            ? "border-red-400 focus-within:ring-red-100"
            : "border-slate-300 focus-within:border-brand-500 focus-within:ring-brand-100"
        } ${disabled ? "bg-slate-50" : ""}`}
      >
        {value.map((chip) => (
          <span
            key={chip}
            className="inline-flex items-center gap-1 rounded-md bg-slate-100 py-0.5 pr-1 pl-2 text-xs font-medium text-slate-700"
          >
            {chip}
            {disabled ? null : (
              <button
                type="button"
                aria-label={`Remove ${chip}`}
                onClick={() => onChange(value.filter((v) => v !== chip))}
                className="rounded p-0.5 text-slate-400 hover:bg-slate-200 hover:text-slate-700"
              >
                <XIcon className="size-3" />
              </button>
            )}
          </span>
        ))}
        <input
          id={inputId}
          value={draft}
          disabled={disabled}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => add(draft)}
          placeholder={value.length === 0 ? placeholder : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : hint ? `${inputId}-hint` : undefined}
          className="min-w-24 flex-1 border-0 bg-transparent px-1 py-0.5 text-sm outline-none placeholder:text-slate-400"
        />
      </div>
      {error ? (
        <p id={`${inputId}-error`} role="alert" className="mt-1.5 text-sm text-red-600">
          {error}
        </p>
      ) : hint ? (
        <p id={`${inputId}-hint`} className="mt-1.5 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
