import type { CallData } from "../model/call-event";
import type { Conditions } from "../model/event-schema";

/**
 * Whether a call passes an event's conditions. An empty list means "any"; a condition on a
 * value the call does not carry is not met (an event for the Sales department does not fire
 * for a call with no department).
 */
export function callMatchesConditions(
  call: CallData,
  conditions: Partial<Conditions> | null,
): boolean {
  if (!conditions) return true;
  const inList = (list: string[] | undefined, value: unknown) =>
    !list || list.length === 0 || (typeof value === "string" && list.includes(value));
  if (!inList(conditions.employeeNumbers, call.employee_number)) return false;
  if (!inList(conditions.departments, call.department)) return false;
  if (!inList(conditions.dispositions, call.disposition)) return false;
  if (conditions.minDurationSec !== null && conditions.minDurationSec !== undefined) {
    if (typeof call.duration !== "number" || call.duration < conditions.minDurationSec)
      return false;
  }
  return true;
}
