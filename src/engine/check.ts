// The one data flow: read -> normalise -> compute metrics -> compare -> results.
import { relative } from "node:path";
import { createAirStore } from "../data/air-store.js";
import type { EncodingOption } from "../data/encoding.js";
import type { InputReport } from "../data/input-report.js";
import type { ReadContext } from "../data/kinds/index.js";
import { readInput } from "../data/read.js";
import { buildRegistry } from "../data/registry.js";
import { t, type Lang } from "../i18n.js";
import { DEFAULT_TARGETS_FILE } from "../paths.js";
import { loadTargetFile } from "../targets/load.js";
import type { Target, TargetFile } from "../targets/schema.js";
import { airMetric, type MetricOutcome } from "./air-metrics.js";
import { compare } from "./compare.js";
import type { CheckReport, TargetResult } from "./result.js";

export interface CheckOptions {
  /** Path of a target file; default: the shipped Hengyang 2019 plan. */
  targets?: string;
  encoding?: EncodingOption;
  lang?: Lang;
}

/** Evaluates the plan's targets against the CSV files; throws InputError on unusable input. */
export async function check(files: readonly string[], options: CheckOptions = {}): Promise<CheckReport> {
  const lang = options.lang ?? "en";
  const targetsPath = options.targets ?? DEFAULT_TARGETS_FILE;
  const { targets: plan } = await loadTargetFile(targetsPath);
  const ctx: ReadContext = {
    registry: buildRegistry(plan),
    year: plan.plan.year,
    air: createAirStore(),
    columnOverrides: plan.columns ?? {},
  };
  const inputs: InputReport[] = [];
  // One file at a time: files share the stores, so a station-day in two files is a duplicate, not two days.
  for (const file of files) inputs.push(await readInput(file, ctx, options.encoding ?? "auto"));

  const families = new Set(inputs.map((i) => (i.kind.startsWith("air") ? "air" : i.kind)));
  const results = plan.targets.map((target) => evaluate(target, plan, ctx, families, lang));
  const count = (s: TargetResult["status"]) => results.filter((r) => r.status === s).length;
  return {
    schemaVersion: 1,
    plan: { title: plan.plan.title[lang], year: plan.plan.year, targetsFile: displayPath(targetsPath) },
    standards: { ...plan.standards, rounding: "GB/T8170-2008" },
    dayValidity: plan.dayValidity,
    inputs,
    results,
    summary: { pass: count("pass"), warn: count("warn"), fail: count("fail"), noData: count("no-data") },
  };
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") ? path : rel;
}

function evaluate(
  target: Target,
  plan: TargetFile,
  ctx: ReadContext,
  families: Set<string>,
  lang: Lang,
): TargetResult {
  const base = {
    id: target.id,
    title: target.title[lang],
    clause: target.source.clause,
    clauseText: target.source.text,
    informational: target.informational,
    unit: target.unit,
    op: target.op,
    target: target.value,
    tolerance: target.tolerance ?? null,
  };
  const family = target.metric.name.split(".")[0] ?? "";
  if (!families.has(family)) {
    return {
      ...base,
      status: "no-data",
      actual: null,
      decimals: decimalsOf(target.value),
      margin: null,
      validDays: null,
      detail: { reasonCode: "no-input", reason: t(lang, "reason.no-input", { family }) },
    };
  }
  const outcome: MetricOutcome = airMetric(
    { store: ctx.air, year: plan.plan.year, dayValidity: plan.dayValidity, lang },
    target,
    plan,
  );
  const detail: TargetResult["detail"] = {
    ...(outcome.reasonCode ? { reasonCode: outcome.reasonCode, reason: outcome.reason } : {}),
    ...(outcome.shortMonths ? { shortMonths: outcome.shortMonths } : {}),
    ...(outcome.areas ? { areas: outcome.areas } : {}),
    ...(outcome.goodDays !== undefined ? { goodDays: outcome.goodDays } : {}),
  };
  const decimals = outcome.decimals;
  if (outcome.actual === null || !outcome.sufficient)
    return {
      ...base,
      status: "no-data",
      actual: outcome.actual,
      decimals,
      margin: null,
      validDays: outcome.validDays,
      detail,
    };
  const verdict = compare(
    target.op,
    outcome.actual,
    target.value,
    target.tolerance,
    Math.max(decimals, decimalsOf(target.value)),
  );
  return {
    ...base,
    status: verdict.status,
    actual: outcome.actual,
    decimals,
    margin: verdict.margin,
    validDays: outcome.validDays,
    detail,
  };
}

function decimalsOf(value: number | readonly number[]): number {
  const values: readonly number[] = Array.isArray(value) ? value : [value as number];
  return Math.max(...values.map((v) => (String(v).split(".")[1] ?? "").length));
}
