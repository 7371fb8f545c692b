import type { ProgressSink } from "../progress.js";
import type { ParserThreads } from "./air-hourly/threads.js";
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

/** What every reader is told, whatever its family: how to read, the plan year, the areas rows belong to. */
export interface ReadSettings {
  /** "fast": regular UTF-8 hourly files are read by the byte reader; "plain": csv-parse only. */
  reader: "fast" | "plain";
  progress?: ProgressSink;
  /** Parsing threads started early for a large hourly file (air-hourly/threads.ts), for its reader to take. */
  parserThreads?: ParserThreads;
  registry: AreaRegistry;
  /** Groupings the targets evaluate `each:` of; rows also count for their group in each. */
  groupings: ReadonlySet<GroupKind>;
  /** The plan year: its rows fill the stores; rows of other years are counted as outside the period. */
  year: number;
  hourConvention: HourConvention;
  columnOverrides: Partial<Record<ColumnField, string>>;
}

/** The air family's stores: the plan year's daily and hourly values, and other years a metric asks for. */
export interface AirStores {
  daily: AirStore;
  hourly: HourlyStore;
  /** Other years the run reads (the year before, year to date): their rows are kept in that year's stores. */
  otherYears: ReadonlyMap<number, AirYear>;
  /** The AQI edition an AQI column is checked against. */
  aqiEdition: AqiEdition;
}

/** One calendar year's air stores: daily values, and the hourly values they are derived from. */
export interface AirYear {
  daily: AirStore;
  hourly: HourlyStore;
}

/** The water family's store, and what it needs to place a row: the plan's sections and baseline years. */
export interface WaterStores {
  water: WaterStore;
  /** Section name or code -> its registry entry. */
  sections: ReadonlyMap<string, SectionInfo>;
  /** Years read besides the plan year, for targets that compare with a baseline year. */
  baselineYears: ReadonlySet<number>;
}

/** The ledger family's store, and the plan's indicators a row is matched to. */
export interface LedgerStores {
  ledger: LedgerStore;
  /** Indicator id or any of its names (lower case) -> the indicator. */
  indicators: ReadonlyMap<string, IndicatorSpec>;
}

/** Every family's stores of one run. */
export interface FamilyStores {
  air: AirStores;
  water: WaterStores;
  ledger: LedgerStores;
}

export type DataFamily = keyof FamilyStores;

/** What a reader of family F is given: the settings, and its own family's stores only. */
export type ReadContext<F extends DataFamily> = ReadSettings & FamilyStores[F];

/** The stores of another year than the plan year's that the run keeps, if it keeps that date's year. */
export function otherYearOf(ctx: AirStores, date: string): AirYear | undefined {
  return ctx.otherYears.get(Number(date.slice(0, 4)));
}

/** A data kind as its module defines it: `read` sees its own family's stores. */
export interface KindDefinition<F extends DataFamily> {
  id: string;
  /** The data family the kind's files hold, for "target needs data of kind X". */
  family: F;
  /** `sample` holds the first data records (up to a few), for kinds told apart by their cells. */
  detect(
    columns: readonly RecognisedColumn[],
    sample: readonly string[][],
    headers: readonly string[],
  ): boolean;
  read(
    source: CsvSource,
    columns: readonly RecognisedColumn[],
    ctx: ReadContext<F>,
    report: InputReport,
  ): Promise<void>;
}

/** A data kind in the registry: reads a source into the stores of its family, and of no other. */
export interface DataKind {
  id: string;
  family: DataFamily;
  detect: KindDefinition<DataFamily>["detect"];
  read(
    source: CsvSource,
    columns: readonly RecognisedColumn[],
    settings: ReadSettings,
    stores: FamilyStores,
    report: InputReport,
  ): Promise<void>;
}

export function defineKind<F extends DataFamily>(kind: KindDefinition<F>): DataKind {
  return {
    id: kind.id,
    family: kind.family,
    detect: kind.detect,
    read: (source, columns, settings, stores, report) =>
      kind.read(source, columns, { ...settings, ...stores[kind.family] }, report),
  };
}
