// Reported figures per indicator and period: the plan's ledger (emissions, rates, counts, milestones).

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
}

export interface LedgerStore {
  /** indicator id -> entries (city totals; regional rows are counted, not used). */
  entries: Map<string, LedgerEntry[]>;
}

export function createLedgerStore(): LedgerStore {
  return { entries: new Map() };
}

/** Adds an entry; returns the earlier one when the indicator already has that period. */
export function addLedgerEntry(
  store: LedgerStore,
  indicator: string,
  entry: LedgerEntry,
): LedgerEntry | undefined {
  let list = store.entries.get(indicator);
  if (!list) store.entries.set(indicator, (list = []));
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
): LedgerEntry | undefined {
  let best: LedgerEntry | undefined;
  for (const e of store.entries.get(indicator) ?? []) {
    if (e.year !== year || e.end > asOf) continue;
    if (!best || e.end > best.end) best = e;
  }
  return best;
}

/** The figure of a whole year: its annual entry, or else its latest one. */
export function valueOfYear(store: LedgerStore, indicator: string, year: number): LedgerEntry | undefined {
  return valueAsOf(store, indicator, year, `${year}-12-31`);
}
