// The registry of data kinds: a new kind is one module plus one line here. Order matters: the first
// kind whose detect() accepts the header and first rows reads the file.
import { airDaily } from "./air-daily.js";
import { airHourly } from "./air-hourly/index.js";
import { airSiteFile } from "./air-site-file.js";
import type { DataKind } from "./kind.js";
import { waterMonthly } from "./water-monthly.js";
import { ledger } from "./ledger.js";

export const DATA_KINDS: readonly DataKind[] = [ledger, waterMonthly, airSiteFile, airHourly, airDaily];

export type {
  AirStores,
  AirYear,
  DataFamily,
  DataKind,
  FamilyStores,
  LedgerStores,
  ReadContext,
  ReadSettings,
  SectionInfo,
  WaterStores,
} from "./kind.js";

/** The family of data a kind's files hold (an input report names its kind). */
export function familyOfKind(id: string): DataKind["family"] {
  const kind = DATA_KINDS.find((k) => k.id === id);
  if (!kind) throw new Error(`no data kind ${id}`);
  return kind.family;
}
