// Comparing a reported (already rounded) value with a target, as the bulletins do.
import { roundGbt8170 } from "../methods/rounding.js";
import type { Comparison } from "../targets/schema.js";

export const STATUSES = ["pass", "warn", "fail", "no-data"] as const;
export type Status = (typeof STATUSES)[number];

export interface Verdict {
  status: Exclude<Status, "no-data">;
  /** How far past (+) or short of (-) the target the value is, in the target's unit. */
  margin: number;
}

/**
 * A value exactly on the target meets it. Inside `tolerance` short of the target (the plan's 左右,
 * "about") the status is warn. The margin is positive when the target is met.
 */
export function compare(
  op: Comparison,
  actual: number,
  target: number | readonly [number, number],
  tolerance: number | undefined,
  decimals: number,
): Verdict {
  const tol = tolerance ?? 0;
  let margin: number;
  if (op === "between") {
    const [lo, hi] = Array.isArray(target) ? target : [target, target];
    margin = Math.min(actual - lo, hi - actual);
  } else {
    const t = Array.isArray(target) ? (target[0] ?? 0) : (target as number);
    margin = op === ">=" ? actual - t : op === "<=" ? t - actual : -Math.abs(actual - t);
  }
  // Both operands are decimals with at most `decimals` places: this only removes binary noise.
  margin = roundGbt8170(margin, decimals) + 0; // + 0 turns -0 into 0
  const status = margin >= 0 ? "pass" : -margin <= tol ? "warn" : "fail";
  return { status, margin };
}
