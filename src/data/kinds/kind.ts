import type { ProgressSink } from "../progress.js";
import type { GroupKind } from "../../targets/schema.js";
// A data kind: how to recognise a CSV export from its header and first rows, and read it into the stores.
import type { AirStore } from "../air-store.js";
import type { RecognisedColumn, ColumnField } from "../columns.js";
import type { CsvSource } from "../csv.js";
import type { HourlyStore } from "../hourly-store.js";
import type { InputReport } from "../input-report.js";
import type { AreaRegistry } from "../registry.js";
import type { HourConvention } from "../time.js";
import type { AqiEdition } from "../../methods/air.js";
import type { Waterbody } from "../../methods/water.js";
import type { WaterStore } from "../water-store.js";
import type { LedgerStore } from "../ledger-store.js";
import type { IndicatorSpec } from "../../targets/schema.js";

/** A water section as the target file's registry describes it. */
export interface SectionInfo {
  name: string;
  river: string;
  waterbody: Waterbody;
  drinking: boolean;
}

export interface ReadContext {
  /** "fast": regular UTF-8 hourly files are read by the byte reader; "plain": csv-parse only. */
  reader: "fast" | "plain";
  progress?: ProgressSink;
  registry: AreaRegistry;
  /** Groupings the targets evaluate `each:` of; rows also count for their group in each. */
  groupings: ReadonlySet<GroupKind>;
  /** The plan year: its days fill `air` and `hourly`; rows of other years are counted as outside the period. */
  year: number;
  air: AirStore;
  hourly: HourlyStore;
  /** Other years the run reads (the year before, year to date): their rows are kept in that year's stores too. */
  otherYears: ReadonlyMap<number, AirYear>;
  hourConvention: HourConvention;
  /** The AQI edition an AQI column is checked against. */
  aqiEdition: AqiEdition;
  columnOverrides: Partial<Record<ColumnField, string>>;
  water: WaterStore;
  /** Section name or code -> its registry entry. */
  sections: ReadonlyMap<string, SectionInfo>;
  /** Years read besides the plan year, for targets that compare with a baseline year. */
  waterBaselineYears: ReadonlySet<number>;
  ledger: LedgerStore;
  /** Indicator id or any of its names (lower case) -> the indicator. */
  indicators: ReadonlyMap<string, IndicatorSpec>;
}

/** One calendar year's air stores: daily values, and the hourly values they are derived from. */
export interface AirYear {
  air: AirStore;
  hourly: HourlyStore;
}

/** The stores of another year than the plan year's that the run keeps, if it keeps that date's year. */
export function otherYearOf(ctx: ReadContext, date: string): AirYear | undefined {
  return ctx.otherYears.get(Number(date.slice(0, 4)));
}

export interface DataKind {
  id: string;
  /** The data family the stores hold, for "target needs data of kind X". */
  family: "air" | "water" | "ledger";
  /** `sample` holds the first data records (up to a few), for kinds told apart by their cells. */
  detect(
    columns: readonly RecognisedColumn[],
    sample: readonly string[][],
    headers: readonly string[],
  ): boolean;
  read(
    source: CsvSource,
    columns: readonly RecognisedColumn[],
    ctx: ReadContext,
    report: InputReport,
  ): Promise<void>;
}
