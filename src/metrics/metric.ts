// What every metric is: one definition per file, with its parameters, the data it needs, how it is computed
// and how it is described. The engine and the describers know metrics only through these definitions.
import type { z } from "zod";
import type { Lang } from "../i18n.js";
import type { CaptureRule, RawBounds } from "../engine/basis.js";
import type { MetricOutcome } from "../engine/outcome.js";
import type { LostReason, Projection } from "../engine/projection.js";
import type { SeasonalModel } from "../engine/seasonal.js";
import type { StandardChoices } from "../targets/standards.js";
import type { AirMetricContext } from "./air/context.js";
import type { WaterMetricContext } from "./water/context.js";
import type { LedgerMetricContext } from "../engine/ledger-metrics.js";

/** The kinds of data a target can rest on; `manual` rests on none. */
export const FAMILIES = ["air", "water", "ledger", "manual"] as const;
export type Family = (typeof FAMILIES)[number];

/** Data families: the ones a reader fills. */
export type DataFamily = Exclude<Family, "manual">;

/** A metric's parameters: the `metric:` object of a target, with its `name`. */
export type MetricSchema = z.ZodObject;

interface Definition<F extends Family, S extends MetricSchema> {
  name: string;
  family: F;
  /** The `metric:` object as the target file writes it; the target-file schema is the union of these. */
  schema: S;
  /** Decimals the value is reported to (GB/T 8170). */
  decimals(params: z.infer<S>): number;
  /** Calendar years of data the metric reads besides the plan year (a baseline year, the previous year). */
  otherYears?(params: z.infer<S>, planYear: number): number[];
  /** What data a target on this metric needs, in words (`hy-check targets`, `explain`). */
  dataNeeded(params: z.infer<S>, plan: DescribeContext, lang: Lang): string;
  /** The method and the clauses it applies, one line each (`explain`). */
  method(params: z.infer<S>, plan: DescribeContext, lang: Lang): string[];
  /** The rule beyond `op value unit`, e.g. "(change vs 2018)"; the plain rule when absent. */
  rule?(params: z.infer<S>, base: string, lang: Lang): string;
}

/** What describing a metric may look at: the plan's year, editions and day-validity rule, and the target. */
export interface DescribeContext {
  plan: { plan: { year: number }; standards: StandardChoices; dayValidity: string };
  scope: AirScopeWords;
}

/** The scope of an air target, as words for `dataNeeded`. */
export interface AirScopeWords {
  area?: string | undefined;
  areaKind?: string | undefined;
  each?: "city" | "county" | "station" | undefined;
}

/** Year to date: what the rest of the year may bring for the target to hold. */
export interface ProjectionInput {
  op: string;
  value: number;
  remainingDays: number;
  /** The last day of the year so far. */
  through: string;
}

export interface AirMetricDefinition<S extends MetricSchema = MetricSchema> extends Definition<"air", S> {
  /** Which capture rule gates it: HJ 663-2013's counts (concentrations), or valid days (counts, rates). */
  capture: CaptureRule;
  /** Counts and rates: the value with every missing day counted one way and the other (src/engine/basis.ts). */
  bounds?(outcome: MetricOutcome, missingDays: number): RawBounds | undefined;
  /** The metric for one area over the context's window. */
  perArea(ctx: AirMetricContext, area: string, params: z.infer<S>): MetricOutcome;
  /** Year to date: what the rest of the year allows, for the rules this metric can project. */
  project?(
    outcome: MetricOutcome,
    target: ProjectionInput,
  ): (Projection & { lostReason?: LostReason }) | undefined;
  /** Year to date on the season: the metric as a burden whose months follow a profile series. */
  seasonal?(params: z.infer<S>): SeasonalModel;
}

export interface WaterMetricDefinition<S extends MetricSchema = MetricSchema> extends Definition<"water", S> {
  compute(ctx: WaterMetricContext, params: z.infer<S>): MetricOutcome;
}

export interface LedgerMetricDefinition<S extends MetricSchema = MetricSchema> extends Definition<
  "ledger",
  S
> {
  compute(ctx: LedgerMetricContext, params: z.infer<S>): MetricOutcome;
}

export type ManualMetricDefinition<S extends MetricSchema = MetricSchema> = Definition<"manual", S>;

export type MetricDefinition =
  AirMetricDefinition | WaterMetricDefinition | LedgerMetricDefinition | ManualMetricDefinition;

// The identity functions below keep each definition's parameter type while the registry holds them all.
export const defineAirMetric = <S extends MetricSchema>(d: AirMetricDefinition<S>) => d;
export const defineWaterMetric = <S extends MetricSchema>(d: WaterMetricDefinition<S>) => d;
export const defineLedgerMetric = <S extends MetricSchema>(d: LedgerMetricDefinition<S>) => d;
export const defineManualMetric = <S extends MetricSchema>(d: ManualMetricDefinition<S>) => d;

/** zh or en of an inline pair: describers keep their two texts side by side. */
export const inLang = (lang: Lang, zh: string, en: string): string => (lang === "zh" ? zh : en);
