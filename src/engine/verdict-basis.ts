// The engine's side of a verdict's basis: the target's rule and the metric's capture rule handed to the
// pure decision in basis.ts, and the summary counts by basis and by why there is no data.
import { metricDefinition } from "../metrics/index.js";
import type { Target } from "../targets/schema.js";
import { decideBasis, type Basis, type CaptureMode } from "./basis.js";
import type { MetricOutcome } from "./outcome.js";
import type { CheckReport, TargetResult } from "./result.js";

/** Decimals a target's figure is written to: the comparison is made to at least as many. */
export function decimalsOf(value: number | readonly number[]): number {
  const values: readonly number[] = Array.isArray(value) ? value : [value as number];
  return Math.max(...values.map((v) => (String(v).split(".")[1] ?? "").length));
}

/**
 * The basis of a target's verdict, or undefined when the data are too thin for one. A status the metric
 * decides itself (ledger changes, milestones) rests on figures as reported: official.
 */
export function basisOf(target: Target, outcome: MetricOutcome, mode: CaptureMode): Basis | undefined {
  if (outcome.verdict) return { kind: "official", reasonCode: "method-met", reasonParams: {} };
  if (outcome.actual === null || target.op === undefined || target.value === undefined) return undefined;
  const def = metricDefinition(target.metric);
  const basis = decideBasis(
    {
      sufficient: outcome.sufficient,
      ...(def.family === "air" ? { rule: def.capture } : {}),
      ...(outcome.capture ? { capture: outcome.capture } : {}),
      ...(outcome.bounds ? { bounds: outcome.bounds } : {}),
    },
    {
      op: target.op,
      value: target.value,
      tolerance: target.tolerance,
      decimals: Math.max(outcome.decimals, decimalsOf(target.value)),
      reportedDecimals: outcome.decimals,
    },
    mode,
  );
  return basis;
}

/** pass / warn / fail (how many indicative, how many definite), and no data by why. */
export function summaryOf(results: readonly TargetResult[]): CheckReport["summary"] {
  const count = (test: (r: TargetResult) => boolean) => results.filter(test).length;
  const noData = (r: TargetResult) => r.status === "no-data";
  const manual = (r: TargetResult) => noData(r) && r.detail.reasonCode === "manual";
  const notChecked = (r: TargetResult) => noData(r) && r.detail.reasonCode === "no-input";
  return {
    pass: count((r) => r.status === "pass"),
    warn: count((r) => r.status === "warn"),
    fail: count((r) => r.status === "fail"),
    noData: count(noData),
    indicative: count((r) => r.basis?.kind === "indicative"),
    definite: count((r) => r.basis?.kind === "definite"),
    noDataThin: count((r) => noData(r) && !manual(r) && !notChecked(r)),
    manual: count(manual),
    notChecked: count(notChecked),
  };
}
