/** Whether a string is one of a list of literals, narrowing it to that union (no cast needed). */
export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return values.some((item) => item === value);
}
