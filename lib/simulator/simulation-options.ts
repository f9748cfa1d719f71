import { z } from "zod";
import { isOneOf } from "../model/one-of";
import { isSingleLineText, SINGLE_LINE_MESSAGE } from "../model/text";
import {
  CALL_DIRECTIONS,
  CALL_OUTCOMES,
  type LifecycleOptions,
  OUTGOING_OUTCOMES,
} from "./lifecycle";

const phone = z
  .string()
  .trim()
  .regex(/^\+?\d{3,20}$/, "use 3 to 20 digits, like 380671234567");

const text = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `enter ${what}`)
    .max(max, `use at most ${max} characters`)
    .refine(isSingleLineText, SINGLE_LINE_MESSAGE);

/** The simulator form, flat for react-hook-form; the same schema checks the server action. */
export const simulatedCallSchema = z
  .object({
    direction: z.enum(CALL_DIRECTIONS, "choose incoming or outgoing"),
    caller: phone,
    number: phone,
    employeeNumber: text("the employee's internal number", 20),
    employeeName: text("the employee's name", 100),
    department: text("a department", 100),
    outcome: z.enum(CALL_OUTCOMES, "choose how the call ends"),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.direction === "outgoing" && !isOneOf(OUTGOING_OUTCOMES, value.outcome)) {
      ctx.addIssue({
        code: "custom",
        path: ["outcome"],
        message: "an outgoing call is answered, not answered or busy",
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
