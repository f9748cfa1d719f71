"use client";

import { useTranslations } from "next-intl";
import { type KeyboardEvent, type ReactNode, useEffect, useId, useState } from "react";
import { useVariableText } from "@/components/i18n/use-variable-text";
import { BracesIcon, CheckIcon } from "@/components/ui/icons";
import { POPOVER_PANEL, useAnchoredPopover } from "@/components/ui/popover";
import { CATALOG, type CatalogVariable, variablesFor } from "@/lib/model/catalog";
import type { TriggerType } from "@/lib/model/trigger-types";

export function availableVariables(type: TriggerType | ""): CatalogVariable[] {
  return type ? variablesFor(type) : [...CATALOG];
}

/** By id, or by the title the admin reads (given in the interface language). */
export function matchesQuery(
  variable: CatalogVariable,
  query: string,
  label: string = variable.label,
): boolean {
  const q = query.trim().toLowerCase();
  return !q || variable.id.includes(q) || label.toLowerCase().includes(q);
}

type PickerProps = {
  type: TriggerType | "";
  /** Accessible name of the button, e.g. "Pick a variable for Value of call_id". */
  label: string;
  onPick: (id: string) => void;
  /** With `selected`, the list is a multiselect: picking toggles and the list stays open. */
  selected?: string[];
  children?: ReactNode;
  buttonClassName?: string;
  disabled?: boolean;
};

/** A button that opens the trigger type's variables with a search box; arrows and Enter pick. */
export function VariablePicker({
  type,
  label,
  onPick,
  selected,
  children,
  buttonClassName,
  disabled,
}: PickerProps) {
  const t = useTranslations("variablePicker");
  const variableText = useVariableText();
  const { id, anchorRef, popoverRef, open, hide } = useAnchoredPopover({ align: "end" });
  const listId = useId();
  // What is typed in the search box and the highlighted row are view state, not form data.
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const multi = selected !== undefined;
  const options = availableVariables(type).filter((v) =>
    matchesQuery(v, query, variableText(v).label),
  );

  useEffect(() => {
    if (open) {
      setQuery("");
      setActive(0);
      popoverRef.current?.querySelector<HTMLInputElement>("input")?.focus();
    }
  }, [open, popoverRef]);

  function pick(variable: CatalogVariable | undefined) {
    if (!variable) return;
    onPick(variable.id);
    if (!multi) hide();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") setActive((i) => Math.min(i + 1, options.length - 1));
    else if (event.key === "ArrowUp") setActive((i) => Math.max(i - 1, 0));
    else if (event.key === "Enter") pick(options[active]);
    else return;
    event.preventDefault();
  }

  useEffect(() => {
    popoverRef.current
      ?.querySelector(`[data-index="${active}"]`)
      ?.scrollIntoView({ block: "nearest" });
  }, [active, popoverRef]);

  return (
    <>
      <button
        ref={(node) => {
          anchorRef.current = node;
        }}
        type="button"
        popoverTarget={id}
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-label={label}
        title={label}
        disabled={disabled}
        className={
          buttonClassName ??
          "inline-flex items-center gap-1 rounded-md px-2 py-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600 disabled:opacity-50"
        }
      >
        {children ?? <BracesIcon />}
      </button>
      <div ref={popoverRef} id={id} popover="auto" className={`${POPOVER_PANEL} w-80 p-0`}>
        <div className="border-b border-slate-100 p-2">
          <input
            type="search"
            role="combobox"
            aria-label={t("search")}
            aria-expanded
            aria-controls={listId}
            aria-activedescendant={options[active] ? `${listId}-${options[active].id}` : undefined}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            placeholder={t("search")}
            className="block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100"
          />
        </div>
        <div
          id={listId}
          role="listbox"
          aria-label={label}
          aria-multiselectable={multi || undefined}
          className="max-h-72 overflow-y-auto p-1"
        >
          {options.length === 0 ? (
            <p className="px-2.5 py-3 text-sm text-slate-500">{t("noMatch", { query })}</p>
          ) : null}
          {options.map((variable, index) => {
            const isSelected = selected?.includes(variable.id) ?? false;
            return (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the search box drives the list with aria-activedescendant (arrows, Enter)
              <div
                key={variable.id}
                id={`${listId}-${variable.id}`}
                data-index={index}
                role="option"
                tabIndex={-1}
                aria-selected={multi ? isSelected : index === active}
                onMouseDown={(event) => event.preventDefault()}
                onMouseEnter={() => setActive(index)}
                onClick={() => pick(variable)}
                className={`flex cursor-pointer items-start gap-2 rounded-md px-2.5 py-1.5 ${
                  index === active ? "bg-brand-50" : ""
                }`}
              >
                {multi ? (
                  <span
                    aria-hidden
                    className={`mt-0.5 grid size-4 shrink-0 place-items-center rounded border ${
                      isSelected
                        ? "border-brand-600 bg-brand-600 text-white"
                        : "border-slate-300 bg-white"
                    }`}
                  >
                    {isSelected ? <CheckIcon className="size-3" /> : null}
                  </span>
                ) : null}
                <span className="min-w-0">
                  <span className="block font-mono text-xs text-brand-700">{`{{${variable.id}}}`}</span>
                  <span className="block truncate text-xs text-slate-500">
                    {t("example", {
                      label: variableText(variable).label,
                      example: String(variable.example),
                    })}
                  </span>
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}
