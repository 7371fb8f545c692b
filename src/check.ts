// The library's and the commands' check(): the engine's evaluation, with the JSON contract's words.
import { evaluatePlan, type CheckOptions } from "./engine/check.js";
import type { CheckReport } from "./engine/result.js";
import { withContractWords } from "./report/contract.js";

/** Evaluates the plan's targets against the input files; throws InputError on unusable input. */
export async function check(files: readonly string[], options: CheckOptions = {}): Promise<CheckReport> {
  return withContractWords(await evaluatePlan(files, options), options.lang ?? "en");
}

export type { CheckOptions };
