"use client";

import { useTranslations } from "next-intl";
import {
  type KeyboardEvent,
  type ReactNode,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { useController, useFormContext, useWatch } from "react-hook-form";
import type { EventFormValues, TemplatePath } from "./form-values";
import {
  findSuggestion,
  Highlighted,
  type Suggestion,
  SuggestionList,
  useTemplateProblems,
} from "./template-text";
import { availableVariables, matchesQuery, VariablePicker } from "./variable-picker";

type TemplateInputProps = {
  name: string;
  label: string;
  hideLabel?: boolean;
  placeholder?: string;
  multiline?: boolean;
  disabled?: boolean;
  hint?: ReactNode;
  className?: string;
};

/**
 * A template field: `{{` suggests the trigger type's variables, the braces button picks one, and
 * variables the event does not carry are underlined with the reason written under the field.
 */
export function TemplateInput({
  name,
  label,
  hideLabel,
  placeholder,
  multiline,
  disabled,
  hint,
  className = "",
}: TemplateInputProps) {
  const { control } = useFormContext<EventFormValues>();
  const { field, fieldState } = useController({ control, name: name as TemplatePath });
  const type = useWatch({ control, name: "type" });
  const id = useId();
  const listId = `${id}-list`;
  const inputRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const backdropRef = useRef<HTMLDivElement>(null);
  const caret = useRef<number | null>(null);
  const [suggestion, setSuggestion] = useState<Suggestion | null>(null);
  const t = useTranslations("templateInput");
  const templateProblems = useTemplateProblems();

  const value = field.value ?? "";
  const problems = templateProblems(value, type);
  const options = suggestion
    ? availableVariables(type)
        .filter((v) => matchesQuery(v, suggestion.query))
        .slice(0, 8)
    : [];
  const listOpen = options.length > 0;
  // The form's and the server's messages come in the interface language (use-issue-text.ts),
  // worded as the live check words a variable's problem: the field shows that problem once.
  const error = fieldState.error?.message;
  const shownProblems = problems.filter((problem) => problem.shown !== error);

  useLayoutEffect(() => {
    if (backdropRef.current && inputRef.current) {
      backdropRef.current.scrollLeft = inputRef.current.scrollLeft;
      backdropRef.current.scrollTop = inputRef.current.scrollTop;
    }
  });

  function updateSuggestion(text: string, at: number | null) {
    caret.current = at;
    const found = at === null ? null : findSuggestion(text, at);
    setSuggestion(found ? { ...found, active: 0 } : null);
  }

  function insert(variableId: string, from: number, to: number) {
    const rest = value.slice(to).replace(/^\s*\}\}/, "");
    const token = `{{${variableId}}}`;
    const next = value.slice(0, from) + token + rest;
    field.onChange(next);
    setSuggestion(null);
    const at = from + token.length;
    caret.current = at;
    requestAnimationFrame(() => {
      inputRef.current?.focus();
      inputRef.current?.setSelectionRange(at, at);
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) {
    if (!suggestion || !listOpen) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const step = event.key === "ArrowDown" ? 1 : -1;
      const active = (suggestion.active + step + options.length) % options.length;
      setSuggestion({ ...suggestion, active });
    } else if (event.key === "Enter" || event.key === "Tab") {
      const chosen = options[suggestion.active];
      if (!chosen) return;
      insert(chosen.id, suggestion.start, caret.current ?? value.length);
    } else if (event.key === "Escape") {
      setSuggestion(null);
    } else return;
    event.preventDefault();
  }

  const describedBy =
    [
      error ? `${id}-error` : null,
      shownProblems.length ? `${id}-problems` : null,
      hint && !error ? `${id}-hint` : null,
    ]
      .filter(Boolean)
      .join(" ") || undefined;

  const box = `block w-full px-3 py-2 font-mono text-sm leading-5 ${
    multiline ? "whitespace-pre-wrap [overflow-wrap:anywhere]" : "whitespace-pre"
  }`;
  const Control = multiline ? "textarea" : "input";

  return (
    <div className={className}>
      <label
        htmlFor={id}
        className={hideLabel ? "sr-only" : "mb-1.5 block text-sm font-medium text-slate-700"}
      >
        {label}
      </label>
      <div
        className={`flex rounded-md border shadow-xs focus-within:ring-2 ${
          error
            ? "border-red-400 focus-within:ring-red-100"
            : "border-slate-300 focus-within:border-brand-500 focus-within:ring-brand-100"
        } ${disabled ? "bg-slate-50" : "bg-white"}`}
      >
        <div className="relative min-w-0 flex-1">
          <div
            ref={backdropRef}
            aria-hidden
            className={`${box} pointer-events-none absolute inset-0 overflow-hidden border-0 text-slate-900`}
          >
            <Highlighted text={value} type={type} />
          </div>
          <Control
            ref={(node: HTMLInputElement & HTMLTextAreaElement) => {
              inputRef.current = node;
              field.ref(node);
            }}
            id={id}
            name={field.name}
            value={value}
            disabled={disabled}
            placeholder={placeholder}
            spellCheck={false}
            autoComplete="off"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={listOpen}
            aria-controls={listId}
            aria-activedescendant={
              listOpen && suggestion ? `${listId}-${suggestion.active}` : undefined
            }
            aria-invalid={error || problems.length ? true : undefined}
            aria-describedby={describedBy}
            onChange={(event) => {
              field.onChange(event.target.value);
              updateSuggestion(event.target.value, event.target.selectionStart);
            }}
            onSelect={(event) => {
              const target = event.currentTarget;
              caret.current = target.selectionStart;
              if (backdropRef.current) {
                backdropRef.current.scrollLeft = target.scrollLeft;
                backdropRef.current.scrollTop = target.scrollTop;
              }
            }}
            onScroll={(event) => {
              if (backdropRef.current) {
                backdropRef.current.scrollLeft = event.currentTarget.scrollLeft;
                backdropRef.current.scrollTop = event.currentTarget.scrollTop;
              }
            }}
            onKeyDown={onKeyDown}
            onBlur={() => {
              setSuggestion(null);
              field.onBlur();
            }}
            rows={multiline ? 4 : undefined}
            className={`${box} relative rounded-l-md bg-transparent text-transparent caret-slate-900 outline-none placeholder:text-slate-400 disabled:cursor-not-allowed ${
              multiline ? "field-sizing-content min-h-24 resize-y" : ""
            }`}
          />
          {listOpen && suggestion ? (
            <SuggestionList
              id={listId}
              options={options}
              active={suggestion.active}
              onChoose={(variableId) =>
                insert(variableId, suggestion.start, caret.current ?? value.length)
              }
            />
          ) : null}
        </div>
        {disabled ? null : (
          <div className="flex items-start border-l border-slate-200 p-0.5">
            <VariablePicker
              type={type}
              label={t("pick", { label })}
              onPick={(variableId) => {
                const at = caret.current ?? value.length;
                insert(variableId, at, at);
              }}
            />
          </div>
        )}
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-600">
          {error}
        </p>
      ) : null}
      {shownProblems.length > 0 ? (
        <ul id={`${id}-problems`} className="mt-1 space-y-0.5 text-xs text-red-700">
          {shownProblems.map((problem) => (
            <li key={problem.english}>{problem.shown}</li>
          ))}
        </ul>
      ) : null}
      {hint && !error ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
