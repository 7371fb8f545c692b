// The exit policy, fixed and documented; codes are never renumbered.
import type { Status } from "./engine/compare.js";
import type { CheckReport } from "./engine/result.js";

export const EXIT = { ok: 0, targetsMissed: 1, inputError: 2 } as const;

export const FAIL_ON = ["fail", "warn", "no-data", "never"] as const;
export type FailOn = (typeof FAIL_ON)[number];

const FAILING: Record<FailOn, readonly Status[]> = {
  fail: ["fail"],
  warn: ["fail", "warn"],
  "no-data": ["fail", "warn", "no-data"],
  never: [],
};

export function rejectedRows(report: CheckReport): number {
  return report.inputs.reduce((n, i) => n + i.rejectedRows, 0);
}

/**
 * 2 when more rows were rejected than allowed (bad data fail a CI run even when targets pass);
 * 1 when a non-informational target is at or past the --fail-on level; 0 otherwise. A target whose kind of
 * data is not among the inputs (reasonCode no-input) was not checked by this run, so it never counts: a
 * monthly air drop is not failed by the water targets. Too little data of a kind that was given does count.
 */
export function getExitCode(report: CheckReport, failOn: FailOn, maxRejected: number): number {
  if (rejectedRows(report) > maxRejected) return EXIT.inputError;
  const failing = FAILING[failOn];
  const counts = (r: CheckReport["results"][number]) =>
    !r.informational && r.detail.reasonCode !== "no-input";
  return report.results.some((r) => counts(r) && failing.includes(r.status)) ? EXIT.targetsMissed : EXIT.ok;
}
