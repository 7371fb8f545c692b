// What computing a target's metric gives, before the comparison with the target.
import type { LedgerEntry } from "../data/ledger-store.js";
import type { CaptureFacts, RawBounds } from "./basis.js";
import type { Verdict } from "./compare.js";
import type { AreaValue, BaselineBlock, ReasonParams, TargetResult, WaterSectionResult } from "./result.js";

export interface MetricOutcome {
  /** Unrounded value: what a combined metric averages, so nothing is rounded twice. */
  raw: number | null;
  /** Reported value, rounded once per GB/T 8170. */
  actual: number | null;
  decimals: number;
  validDays: number | null;
  sufficient: boolean;
  reasonCode?: string;
  /** What the reason's message needs (src/i18n.ts `reason.<code>`): data, not prose. */
  reasonParams?: ReasonParams;
  shortMonths?: { month: number; days: number; required: number }[];
  areas?: AreaValue[];
  goodDays?: number;
  sections?: WaterSectionResult[];
  /** Ledger figures the value rests on. */
  ledger?: LedgerEntry[];
  baseline?: BaselineBlock;
  milestone?: NonNullable<TargetResult["detail"]["milestone"]>;
  /** A status the metric decides itself (exact change targets, milestones and tasks in progress). */
  verdict?: { status: Verdict["status"]; margin: number | null };
  /** Air statistics: the capture the basis of the verdict is decided on. */
  capture?: CaptureFacts;
  /** Counts and rates: the value with every missing day counted one way and the other. */
  bounds?: RawBounds;
  /** Further result details the metric gives (target figure, progress against the year ...). */
  detail?: Partial<TargetResult["detail"]>;
}
