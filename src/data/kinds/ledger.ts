// The indicator ledger: one row per indicator (per region) per period, with value and unit: emissions by
// year, safe-use rates, counted tasks, milestones, incidents.
import { inputError, keyedMessage, quoted } from "../../errors.js";
import { normaliseHeader } from "../columns.js";
import type { CsvSource } from "../csv.js";
import { MAX_LISTED_PROBLEMS, noteDate, type InputReport } from "../input-report.js";
import { addLedgerEntry } from "../ledger-store.js";
import { convertUnit } from "../units.js";
import { daysInMonth, parseCellNumber } from "../values.js";
import { dataRows } from "../rows.js";
import { areaByName } from "../registry.js";
import { defineKind } from "./kind.js";

type LedgerField = "indicator" | "region" | "period" | "value" | "unit" | "note";

const LEDGER_FIELDS: Record<LedgerField, string[]> = {
  indicator: ["指标", "指标名称", "指标代码", "指标编号", "项目", "indicator", "indicatorid", "item"],
  region: ["地区", "区域", "行政区", "region", "area"],
  period: ["期间", "时期", "年份", "年度", "时间", "统计期", "period", "year"],
  value: ["数值", "值", "完成值", "实际值", "value", "amount"],
  unit: ["单位", "计量单位", "unit"],
  note: ["备注", "说明", "来源", "note", "source", "remark"],
};
const LOOKUP = new Map<string, LedgerField>();
for (const [field, names] of Object.entries(LEDGER_FIELDS) as [LedgerField, string[]][])
  for (const name of names) LOOKUP.set(normaliseHeader(name), field);

function ledgerColumns(headers: readonly string[]): Partial<Record<LedgerField, number>> {
  const cols: Partial<Record<LedgerField, number>> = {};
  headers.forEach((h, i) => {
    const f = LOOKUP.get(normaliseHeader(h));
    if (f !== undefined && cols[f] === undefined) cols[f] = i;
  });
  return cols;
}

/** `2019`, `2019年`, `2019-06`, `2019年6月`, `2019-06-30`: the period key, its year and its last day. */
export function parsePeriod(raw: string): { period: string; year: number; end: string } | null {
  const text = raw
    .trim()
    .replace(/[年月]/g, "-")
    .replace(/日$/, "")
    .replace(/[/.]/g, "-")
    .replace(/-$/, "");
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const pad = (n: number) => String(n).padStart(2, "0");
  if (m[2] === undefined) return { period: String(year), year, end: `${year}-12-31` };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined)
    return {
      period: `${year}-${pad(month)}`,
      year,
      end: `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`,
    };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  return { period: date, year, end: date };
}

const CITY_WIDE = new Set(["", "全市", "全市合计", "合计", "衡阳市", "市本级合计", "city", "total"]);

export const ledger = defineKind({
  id: "ledger",
  family: "ledger",
  detect: (_columns, _sample, headers) => {
    const cols = ledgerColumns(headers);
    return cols.indicator !== undefined && cols.value !== undefined && cols.period !== undefined;
  },

  async read(source: CsvSource, _columns, ctx, report: InputReport) {
    const { file } = source;
    const cols = ledgerColumns(source.header.fields);
    const indicatorCol = cols.indicator ?? 0;
    const periodCol = cols.period ?? 0;
    const valueCol = cols.value ?? 0;
    if (cols.unit === undefined)
      throw inputError({
        file,
        line: 1,
        col: 1,
        code: "HY-COLUMN",
        ...keyedMessage("input.missingUnitColumn"),
      });
    const cell = (row: readonly string[], i: number | undefined) =>
      i === undefined ? "" : (row[i] ?? "").trim();
    const unknown = new Map<string, number>();
    let regional = 0;

    for await (const { line, fields: row, reject } of dataRows(source, report)) {
      const name = cell(row, indicatorCol);
      const spec = ctx.indicators.get(name.toLowerCase());
      if (!spec) {
        unknown.set(name || "(blank)", (unknown.get(name || "(blank)") ?? 0) + 1);
        report.unassignedRows++;
        continue;
      }
      const periodText = cell(row, periodCol);
      const period = parsePeriod(periodText);
      if (!period) {
        reject({
          col: periodCol + 1,
          code: "HY-DATE",
          ...keyedMessage("input.badPeriod", { cell: quoted(periodText) }),
        });
        continue;
      }
      const valueText = cell(row, valueCol);
      const number = parseCellNumber(valueText.replace(/,/g, ""));
      if (number.kind !== "number") {
        reject({
          col: valueCol + 1,
          code: "HY-NUMBER",
          ...keyedMessage("input.badLedgerNumber", { indicator: spec.id, cell: quoted(valueText) }),
        });
        continue;
      }
      const unitText = cell(row, cols.unit);
      const value = convertUnit(number.value, unitText, spec.unit, spec.quantity);
      if (value === null) {
        reject({
          col: cols.unit + 1,
          code: "HY-UNIT",
          ...keyedMessage(`input.badLedgerUnit.${spec.quantity}`, {
            indicator: spec.id,
            unit: spec.unit,
            cell: quoted(unitText),
          }),
        });
        continue;
      }
      noteDate(report, period.end);
      // A registry area (its id, an alias or its name: 市城区, 衡阳县 ...) keeps its rows for the targets about
      // that area; a region the registry does not know is counted and not used.
      const region = cell(row, cols.region);
      const area = CITY_WIDE.has(region.toLowerCase()) ? undefined : areaByName(ctx.registry, region);
      if (!CITY_WIDE.has(region.toLowerCase()) && area === undefined) {
        regional++;
        continue;
      }
      const earlier = addLedgerEntry(ctx.ledger, spec.id, {
        ...period,
        value,
        written: { value: valueText, unit: unitText },
        file,
        line,
        ...(area !== undefined ? { area } : {}),
      });
      if (earlier)
        reject({
          col: periodCol + 1,
          code: "HY-DUP",
          ...keyedMessage("input.dupLedger", {
            indicator: spec.id,
            area: area !== undefined ? ` (${area})` : "",
            period: period.period,
            earlier: `${earlier.file}:${earlier.line}`,
          }),
        });
    }
    report.regionalRows = regional;
    report.unassignedStationCount = unknown.size;
    report.unassignedStations = [...unknown]
      .slice(0, MAX_LISTED_PROBLEMS)
      .map(([station, rows]) => ({ station, rows }));
  },
});
