// Reported figures per indicator and period: the plan's ledger (emissions, rates, counts, milestones).
import {
  parseDecimal,
  rationalOfNumber,
  timesPow10,
  toNumber,
  type Rational,
} from "../methods/exact-change.js";

export interface LedgerEntry {
  /** Period as written normalised: 2019, 2019-06 or 2019-06-30. */
  period: string;
  year: number;
  /** Last day the figure covers: 2019 -> 2019-12-31; 2019-06 -> 2019-06-30. */
  end: string;
  /** In the indicator's unit. */
  value: number;
  /** As written in the file, for the report. */
  written: { value: string; unit: string };
  file: string;
  line: number;
  /** The registry area of a row labelled with one (地区 = 市城区, 衡阳县 ...); absent for city-wide rows. */
  area?: string;
}

export interface LedgerStore {
  /** indicator id -> city-wide entries (地区 empty, 全市, 合计 ...). */
  entries: Map<string, LedgerEntry[]>;
  /** area id -> indicator id -> entries of rows labelled with that area of the registry. */
  areas: Map<string, Map<string, LedgerEntry[]>>;
}

export function createLedgerStore(): LedgerStore {
  return { entries: new Map(), areas: new Map() };
}

/** The entries of an indicator: city-wide, or of one registry area. */
export function ledgerEntries(store: LedgerStore, indicator: string, area?: string): LedgerEntry[] {
  return (area === undefined ? store.entries : store.areas.get(area))?.get(indicator) ?? [];
}

/** Adds an entry (of its area, if it has one); returns the earlier one when that indicator already has the period. */
export function addLedgerEntry(
  store: LedgerStore,
  indicator: string,
  entry: LedgerEntry,
): LedgerEntry | undefined {
  let byIndicator = store.entries;
  if (entry.area !== undefined) {
    const existing = store.areas.get(entry.area);
    if (existing) byIndicator = existing;
    else store.areas.set(entry.area, (byIndicator = new Map()));
  }
  let list = byIndicator.get(indicator);
  if (!list) byIndicator.set(indicator, (list = []));
  const earlier = list.find((e) => e.period === entry.period);
  if (earlier) return earlier;
  list.push(entry);
  return undefined;
}

/** The figure of a year as of a date: the latest entry of that year ending on or before `asOf`. */
export function valueAsOf(
  store: LedgerStore,
  indicator: string,
  year: number,
  asOf: string,
  area?: string,
): LedgerEntry | undefined {
  let best: LedgerEntry | undefined;
  for (const e of ledgerEntries(store, indicator, area)) {
    if (e.year !== year || e.end > asOf) continue;
    if (!best || e.end > best.end) best = e;
  }
  return best;
}

/** The figure of a whole year: its annual entry, or else its latest one. */
export function valueOfYear(
  store: LedgerStore,
  indicator: string,
  year: number,
  area?: string,
): LedgerEntry | undefined {
  return valueAsOf(store, indicator, year, `${year}-12-31`, area);
}

/**
 * The figure as the exact decimal it was written as, in the indicator's unit: the written digits moved by the
 * unit's power of ten (40400 吨 = 4.04 万吨, 4520 kg = 4.52 t), so no binary rounding enters a change.
 */
export function exactValue(entry: LedgerEntry): Rational {
  const written = parseDecimal(entry.written.value);
  if (written && written.num !== 0n && entry.value !== 0) {
    const shift = Math.round(Math.log10(Math.abs(entry.value / toNumber(written))));
    const moved = timesPow10(written, shift);
    // Units convert by powers of ten; anything else falls back to the stored value's decimal.
    if (Math.abs(toNumber(moved) - entry.value) <= Math.abs(entry.value) * 1e-12) return moved;
  }
  return rationalOfNumber(entry.value);
}
