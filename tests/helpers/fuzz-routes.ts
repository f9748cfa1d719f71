// The runner every route-handler fuzz file shares: bad inputs built around one good request,
// each sent with the project's key and checked to be refused without a trace.
import type fc from "fast-check";
import { expect } from "vitest";
import { type BadInput, FUZZ_RUNS, fuzz } from "./fuzz";
import { type FuzzWorld, foreignIds, stampKeys } from "./fuzz-fixture";
import { badIds, expectRefusal, type Handler, type HttpInput, send } from "./fuzz-http";

/** Bad JSON documents sent as the body of `good`. */
export function badJson<T>(good: HttpInput, documents: fc.Arbitrary<BadInput<T>>) {
  return documents.map((bad) => ({ ...bad, input: { ...good, json: bad.input } as HttpInput }));
}

/** The same request with its path id replaced by one that names nothing of the project. */
export function badPathIds(world: FuzzWorld, good: HttpInput, names: string, extra: string[] = []) {
  return badIds([...foreignIds(world), ...extra], world.unknownIds).map(({ id, why }) => ({
    input: { ...good, params: { id } },
    names,
    why,
  }));
}

/** Sends FUZZ_RUNS generated bad requests to `handler`; each must be refused, naming its fault. */
export async function fuzzRoute(
  world: FuzzWorld,
  handler: Handler,
  inputs: fc.Arbitrary<BadInput<HttpInput>>,
) {
  await stampKeys(world);
  const count = await fuzz(inputs, async (bad) => {
    expectRefusal(await send(handler, bad.input, world.a.key), bad);
  });
  expect(count).toBe(FUZZ_RUNS);
}
