// The result objects every formatter renders: the JSON contract, schemaVersion 1.
import type { InputReport } from "../data/input-report.js";
import type { Comparison } from "../targets/schema.js";
import type { Status } from "./compare.js";
import type { WaterClass } from "../methods/water.js";
import type { Projection } from "./projection.js";
import type { SameTimeLastYear } from "./year-to-date.js";
import type { Basis } from "./basis.js";
import type { RevisionReport } from "./revisions.js";
import type { EditionComparison } from "./editions.js";
import type { GroupKind, Waiver } from "../targets/schema.js";

/** The parameters of a reason's message: numbers, dates, names. */
export type ReasonParams = Record<string, string | number>;

export interface AreaValue {
  area: string;
  actual: number | null;
  validDays: number;
  sufficient: boolean;
  reason?: string;
  reasonCode?: string;
  reasonParams?: ReasonParams;
}

export interface WaterSectionResult {
  section: string;
  river: string;
  waterbody: "river" | "lake";
  drinking: boolean;
  /** Samplings in the plan year. */
  samplings: number;
  /** Annual class (GB 3838-2002 single-factor, on annual means rounded per the 2020 statistics rule). */
  class: WaterClass | null;
  /** The parameters that decide the class, with their annual mean and exceedance multiple over Class III. */
  deciding: { parameter: string; class: WaterClass; value: number; exceedance?: number }[];
  /** Whether it meets the target's class (or, for a drinking-water source, its standard). */
  meets: boolean | null;
  /** Enough samplings for an annual assessment. */
  sufficient: boolean;
  /** Class in the baseline year, where a target compares with one. */
  baselineClass?: WaterClass | null;
  /** Drinking-water sources: the items over their limit. */
  failing?: { parameter: string; value: number; limit: number | null }[];
}

export interface BaselineBlock {
  kind: "year" | "previous-year" | "mean";
  years: number[];
  /** The baseline figure (the mean for kind "mean"), in `unit`. */
  value: number;
  /** The plan year's figure it is compared with. */
  current: number;
  unit: string;
  /** current - value (percentage points for ratios). */
  delta: number;
  /** delta / value x 100; null when the baseline is 0. */
  deltaPercent: number | null;
  /** A baseline that is the mean of areas (the counties' mean): each area's figure. */
  areas?: { area: string; value: number }[];
}

/** A target evaluated `each: city|county|station`: which group this result is, and its rank. */
export interface GroupPlace {
  by: GroupKind;
  name: string;
  /** 1 = best, as bulletins rank (competition ranking: tied groups share a rank); null without a value. */
  rank: number | null;
  tied: boolean;
  /** Groups ranked. */
  of: number;
}

export interface TargetResult {
  /** The target's id; for a group, `id/group` (e.g. pm25-annual/衡阳市). */
  id: string;
  /** Set for targets evaluated for each city, county or station. */
  group?: GroupPlace;
  title: string;
  /** The kind of data it rests on: air, water, ledger, or manual. */
  family: string;
  clause: string;
  clauseText: string;
  /** The plan's sentence the target enforces (the same as clauseText). */
  quote: string;
  status: Status;
  informational: boolean;
  /** The reported value, rounded per GB/T 8170; present (for information) even when status is no-data. */
  actual: number | null;
  /** Decimals the value is reported to (GB/T 8170), e.g. 1 for 84.0 %. */
  decimals: number;
  unit: string;
  /** null for manual targets, which have no rule a program can apply. */
  op: Comparison | null;
  target: number | [number, number] | null;
  tolerance: number | null;
  /** Change against a baseline, where the target compares with one. */
  baseline?: BaselineBlock;
  /** Year to date (--as-of inside the year): what the rest of the year may bring for the target to hold. */
  projection?: Projection;
  /** Year to date: the same months of the previous year, when the inputs hold them, and the change (同比). */
  sameTimeLastYear?: SameTimeLastYear;
  margin: number | null;
  validDays: number | null;
  /**
   * How firm a pass, warn or fail is (src/engine/basis.ts): official, definite (the missing days cannot
   * change it, with the bounds) or indicative (capture short but enough to speak); absent on no data.
   */
  basis?: Basis;
  detail: {
    reasonCode?: string;
    /** The reason in English whatever --lang is, so programs can rely on it. */
    reason?: string;
    /** What the reason's message is made of, for a program or a translation. */
    reasonParams?: ReasonParams;
    /** Months short of the HJ 663-2013 day counts. */
    shortMonths?: { month: number; days: number; required: number }[];
    /** Per-area values behind a combined target (e.g. each county). */
    areas?: AreaValue[];
    /** Air statistics: the value before GB/T 8170 rounding (42.57 reported as 43 sits on a target of 43). */
    unrounded?: number;
    /** Days counted as good (AQI <= 100), for good-day-rate targets. */
    goodDays?: number;
    /** Water targets: every section assessed, failing ones first. */
    sections?: WaterSectionResult[];
    /** Ledger figures behind the value: file:line and the value and unit as written. */
    ledger?: { period: string; value: string; unit: string; file: string; line: number }[];
    /**
     * Milestones: done (on time), late (done after the due date), missed (not done by the due date), or
     * in-progress (not done, not yet due).
     */
    milestone?: "done" | "late" | "missed" | "in-progress";
    /** Milestones: the completion date (the last day of the period reported done). */
    completed?: string;
    /** Days of the window an active waiver touches in the target's area (excluded, in whole or in part). */
    waivedDays?: number;
    /** Counted tasks: the reported count as a share of the planned total, in %. */
    progress?: number;
    /** Counted tasks before their due date: the share of the plan year elapsed at the figure's date, in %. */
    yearElapsed?: number;
    /** Counted tasks before their due date: on-track when progress is not behind the year elapsed. */
    outlook?: "on-track" | "at-risk";
    /**
     * Change targets: the figure the target allows (baseline x (1 + target), or baseline + target points),
     * the plan year's figure and the margin between them, in the indicator's unit (positive when met).
     */
    targetFigure?: { allowed: number | [number, number]; current: number; unit: string; margin: number };
  };
}

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface CheckReport {
  schemaVersion: 1;
  plan: { title: string; year: number; targetsFile: string };
  standards: { aqi: string; assessment: string; limits: string; rounding: string };
  dayValidity: string;
  /** How hourly labels were read ("ending" / "beginning"), or null when no hourly data were given. */
  hourConvention: string | null;
  /** The date the evaluation stands at (milestones, year-to-date figures). */
  asOf: string;
  /** The days the air targets were evaluated on. */
  window: { from: string; to: string };
  /**
   * Year to date: the air targets stand at `through`, the last complete day of the data (`from: "data"`, the
   * default when the inputs end before the plan year does) or --as-of (`from: "option"`).
   */
  yearToDate?: { through: string; from: "data" | "option" };
  inputs: InputReport[];
  /** Files found in a folder or by a glob that are not data hy-check reads (e.g. a station list). */
  skippedFiles: SkippedFile[];
  /** The target file's waivers; an expired one is not applied. */
  waivers: (Waiver & { expired: boolean })[];
  /** With --compare-editions: each area's good-day rate and days by category under both AQI editions. */
  editions?: EditionComparison[];
  /** With --previous: values of last month's drop that this drop changed. */
  revisions?: RevisionReport;
  results: TargetResult[];
  summary: {
    pass: number;
    warn: number;
    fail: number;
    noData: number;
    /** Of pass, warn and fail: verdicts on capture short of HJ 663-2013 (basis indicative). */
    indicative: number;
    /** Of pass, warn and fail: verdicts no value of the missing days could change (basis definite). */
    definite: number;
    /** Of no data: data of the kind were given but are too thin. */
    noDataThin: number;
    /** Of no data: qualitative commitments, checked by a person. */
    manual: number;
    /** Of no data: no input of the target's kind. */
    notChecked: number;
  };
}
