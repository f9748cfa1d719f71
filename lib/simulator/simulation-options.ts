import { z } from "zod";
import { isOneOf } from "../model/one-of";
import { isSingleLineText, SINGLE_LINE_MESSAGE } from "../model/text";
import {
  CALL_DIRECTIONS,
  CALL_OUTCOMES,
  type LifecycleOptions,
  OUTGOING_OUTCOMES,
} from "./lifecycle";

/** The simulator form's messages, by their key in messages/*.json (`validation.<key>`). */
export const SIMULATOR_MESSAGES = {
  phoneDigits: "use 3 to 20 digits, like 380671234567",
  employeeNumberRequired: "enter the employee's internal number",
  employeeNameRequired: "enter the employee's name",
  departmentRequired: "enter a department",
  directionChoice: "choose incoming or outgoing",
  outcomeChoice: "choose how the call ends",
  outgoingOutcome: "an outgoing call is answered, not answered or busy",
} as const;

const phone = z
  .string()
  .trim()
  .regex(/^\+?\d{3,20}$/, SIMULATOR_MESSAGES.phoneDigits);

const text = (required: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, required)
    .max(max, `use at most ${max} characters`)
    .refine(isSingleLineText, SINGLE_LINE_MESSAGE);

/** The simulator form, flat for react-hook-form; the same schema checks the server action. */
export const simulatedCallSchema = z
  .object({
    direction: z.enum(CALL_DIRECTIONS, SIMULATOR_MESSAGES.directionChoice),
    caller: phone,
    number: phone,
    employeeNumber: text(SIMULATOR_MESSAGES.employeeNumberRequired, 20),
    employeeName: text(SIMULATOR_MESSAGES.employeeNameRequired, 100),
    department: text(SIMULATOR_MESSAGES.departmentRequired, 100),
    outcome: z.enum(CALL_OUTCOMES, SIMULATOR_MESSAGES.outcomeChoice),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.direction === "outgoing" && !isOneOf(OUTGOING_OUTCOMES, value.outcome)) {
      ctx.addIssue({
        code: "custom",
        path: ["outcome"],
        message: SIMULATOR_MESSAGES.outgoingOutcome,
      });
    }
  });

export type SimulatedCallInput = z.input<typeof simulatedCallSchema>;
export type SimulatedCall = z.output<typeof simulatedCallSchema>;

export const DEFAULT_SIMULATED_CALL: SimulatedCall = {
  direction: "incoming",
  caller: "380671234567",
  number: "380441112233",
  employeeNumber: "104",
  employeeName: "Олена Коваленко",
  department: "Відділ продажів",
  outcome: "answered",
};

export function toLifecycleOptions(call: SimulatedCall): LifecycleOptions {
  return {
    direction: call.direction,
    caller: call.caller,
    number: call.number,
    employee: { number: call.employeeNumber, name: call.employeeName },
    department: call.department,
    outcome: call.outcome,
  };
}
