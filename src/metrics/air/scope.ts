// An air metric over a target's scope: one area, or the mean of every area of a kind.
import { mean } from "../../methods/air.js";
import { roundGbt8170 } from "../../methods/rounding.js";
import type { MetricOutcome } from "../../engine/outcome.js";
import type { AreaValue } from "../../engine/result.js";
import type { Scope, TargetFile } from "../../targets/schema.js";
import type { AirMetricDefinition } from "../metric.js";
import { countedDays, type AirMetricContext } from "./context.js";
import { enoughToIndicate, meanBounds, type CaptureFacts } from "../../engine/basis.js";

function perArea(
  ctx: AirMetricContext,
  def: AirMetricDefinition,
  params: Record<string, unknown>,
  area: string,
): MetricOutcome {
  if (!ctx.store.areas.has(area))
    return {
      raw: null,
      actual: null,
      decimals: def.decimals(params),
      validDays: 0,
      sufficient: false,
      reasonCode: "no-area-data",
      reasonParams: { area },
    };
  return withCapture(ctx, def, area, def.perArea(ctx, area, params));
}

/**
 * The area's capture (valid days of the days the window offers, months without a valid day) and, for
 * counts and rates, the bounds: what the engine decides the verdict's basis on (src/engine/basis.ts).
 */
function withCapture(
  ctx: AirMetricContext,
  def: AirMetricDefinition,
  area: string,
  outcome: MetricOutcome,
): MetricOutcome {
  const validDays = outcome.validDays ?? 0;
  const days = countedDays(ctx, area);
  const capture: CaptureFacts = {
    validDays,
    days,
    emptyMonths: (outcome.shortMonths ?? []).filter((m) => m.days === 0).map((m) => m.month),
    shortMonths: (outcome.shortMonths ?? []).map((m) => `${m.month}: ${m.days}/${m.required}`).join(", "),
  };
  const bounds = def.bounds?.(outcome, Math.max(days - validDays, 0));
  return { ...outcome, capture, ...(bounds ? { bounds } : {}) };
}

/**
 * A combined scope is the arithmetic mean of the areas' unrounded values, rounded once; it is sufficient only
 * when every area of the registry is.
 */
export function airMetricOverScope(
  ctx: AirMetricContext,
  def: AirMetricDefinition,
  params: Record<string, unknown>,
  scope: Scope,
  file: TargetFile,
): MetricOutcome {
  if (scope.area !== undefined) return perArea(ctx, def, params, scope.area);
  const areas = file.areas.filter((a) => a.kind === scope.areaKind).map((a) => a.id);
  const outcomes = areas.map((area) => ({ area, outcome: perArea(ctx, def, params, area) }));
  // An area with no data at all has no capture: it is as thin as can be.
  const thin = (o: MetricOutcome) =>
    !o.sufficient && (!o.capture || !enoughToIndicate(def.capture, o.capture));
  const captures = outcomes.map((o) => o.outcome.capture);
  const areaValues: AreaValue[] = outcomes.map(({ area, outcome }) => ({
    area,
    actual: outcome.actual,
    validDays: outcome.validDays ?? 0,
    sufficient: outcome.sufficient,
    ...(outcome.reasonCode ? { reasonCode: outcome.reasonCode } : {}),
    ...(outcome.reasonParams ? { reasonParams: outcome.reasonParams } : {}),
  }));
  const raws = outcomes.map((o) => o.outcome.raw).filter((v): v is number => v !== null);
  const decimals = def.decimals(params);
  const raw = mean(raws);
  const short = areaValues.filter((a) => !a.sufficient);
  const bounds = meanBounds(outcomes.map((o) => o.outcome.bounds));
  const outcome: MetricOutcome = {
    raw,
    actual: raw === null ? null : roundGbt8170(raw, decimals),
    decimals,
    validDays: areaValues.length ? Math.min(...areaValues.map((a) => a.validDays)) : 0,
    sufficient: areas.length > 0 && short.length === 0,
    areas: areaValues,
    capture: {
      validDays: Math.min(...captures.map((c) => c?.validDays ?? 0)),
      days: Math.max(...captures.map((c) => c?.days ?? 0)),
      emptyMonths: [...new Set(captures.flatMap((c) => c?.emptyMonths ?? []))].sort((a, b) => a - b),
      shortMonths: "",
      thinAreas: outcomes.filter((o) => thin(o.outcome)).map((o) => o.area),
      shortAreas: short.map((a) => `${a.area} (${a.validDays})`).join(", "),
    },
    ...(bounds ? { bounds } : {}),
  };
  if (!outcome.sufficient) {
    outcome.reasonCode = "areas-insufficient";
    outcome.reasonParams = { areas: short.map((a) => `${a.area} (${a.validDays})`).join(", ") || "-" };
  }
  return outcome;
}
