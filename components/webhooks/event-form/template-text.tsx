import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useVariableProblem, type VariableProblem } from "@/components/i18n/use-variable-problem";
import type { CatalogVariable } from "@/lib/model/catalog";
import { variableIssue } from "@/lib/model/event-schema";
import { findPlaceholders, templateVariables } from "@/lib/model/template";
import type { TriggerType } from "@/lib/model/trigger-types";

export type Suggestion = { start: number; query: string; active: number };

/** `{{` typed just before the caret opens the variable list, filtered by what follows it. */
export function findSuggestion(text: string, caret: number): Omit<Suggestion, "active"> | null {
  const match = /\{\{\s*([^{}\s]*)$/.exec(text.slice(0, caret));
  return match ? { start: match.index, query: match[1] ?? "" } : null;
}

/** The variables of a template that the trigger type does not carry, each problem once. */
export function useTemplateProblems() {
  const problemOf = useVariableProblem();
  return (template: string, type: TriggerType | ""): VariableProblem[] => {
    if (!type) return [];
    const problems = new Map<string, VariableProblem>();
    for (const name of templateVariables(template)) {
      const problem = problemOf(name, type);
      if (problem) problems.set(problem.english, problem);
    }
    return [...problems.values()];
  };
}

export function Highlighted({ text, type }: { text: string; type: TriggerType | "" }) {
  const out: ReactNode[] = [];
  let last = 0;
  for (const { start, end, name } of findPlaceholders(text)) {
    if (start > last) out.push(text.slice(last, start));
    const problem = type ? variableIssue(name, type) : null;
    out.push(
      <span
        key={start}
        className={
          problem
            ? "text-red-700 underline decoration-red-500 decoration-wavy underline-offset-2"
            : "rounded-sm bg-brand-50 text-brand-700"
        }
      >
        {text.slice(start, end)}
      </span>,
    );
    last = end;
  }
  out.push(text.slice(last));
  // A trailing newline needs a character after it to take up its line.
  return <>{text.endsWith("\n") ? [...out, " "] : out}</>;
}

/** The variables matching what follows `{{`; the field keeps the focus and drives it. */
export function SuggestionList({
  id,
  options,
  active,
  onChoose,
}: {
  id: string;
  options: CatalogVariable[];
  active: number;
  onChoose: (variableId: string) => void;
}) {
  const t = useTranslations("templateInput");
  return (
    <div
      id={id}
      role="listbox"
      aria-label={t("variables")}
      className="absolute top-full left-0 z-30 mt-1 w-80 max-w-[90vw] rounded-lg border border-slate-200 bg-white p-1 shadow-lg"
    >
      {options.map((variable, index) => (
        <div
          key={variable.id}
          id={`${id}-${index}`}
          role="option"
          tabIndex={-1}
          aria-selected={index === active}
          onMouseDown={(event) => {
            // Keeps the focus (and the caret) in the field.
            event.preventDefault();
            onChoose(variable.id);
          }}
          className={`cursor-pointer rounded-md px-2.5 py-1.5 ${index === active ? "bg-brand-50" : ""}`}
        >
          <span className="block font-mono text-xs text-brand-700">{`{{${variable.id}}}`}</span>
          <span className="block truncate text-xs text-slate-500">{variable.label}</span>
        </div>
      ))}
    </div>
  );
}
