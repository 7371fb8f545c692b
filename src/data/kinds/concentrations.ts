// Concentration columns of a header, with the unit written in the header checked and converted.
import { inputError, keyedMessage, quoted, type InputProblem } from "../../errors.js";
import { parseCellNumber } from "../values.js";
import type { ColumnField, ConcentrationUnit, RecognisedColumn } from "../columns.js";

export interface ConcentrationColumn<K extends string> {
  key: K;
  index: number;
  header: string;
  /** Multiplier from the header's unit to the standard one (CO mg/m3, the others ug/m3). */
  factor: number;
}

/**
 * The columns of the wanted fields, keyed as the caller names them. A unit hy-check cannot convert is an
 * input error at the header; ug/m3 <-> mg/m3 is converted, so CO given in ug/m3 is not misread.
 */
export function concentrationColumns<K extends string>(
  file: string,
  columns: readonly RecognisedColumn[],
  wanted: Partial<Record<ColumnField, { key: K; unit: ConcentrationUnit }>>,
): ConcentrationColumn<K>[] {
  const result: ConcentrationColumn<K>[] = [];
  for (const c of columns) {
    const want = wanted[c.field];
    if (!want) continue;
    if (c.unit === "other")
      throw inputError({
        file,
        line: 1,
        col: c.index + 1,
        field: c.header,
        code: "HY-UNIT",
        ...keyedMessage("input.badUnit", {
          unit: want.unit,
          other: want.unit === "mg/m3" ? "ug/m3" : "mg/m3",
        }),
      });
    const unit = c.unit ?? want.unit;
    const factor = unit === want.unit ? 1 : unit === "mg/m3" ? 1000 : 0.001;
    result.push({ key: want.key, index: c.index, header: c.header, factor });
  }
  return result;
}

export function columnOf(
  columns: readonly RecognisedColumn[],
  field: ColumnField,
): RecognisedColumn | undefined {
  return columns.find((c) => c.field === field);
}

/**
 * A row's concentrations in standard units. A missing marker is missing; text that is not a number, or a
 * negative value, rejects the row with the cell's position.
 */
/** Far above any ambient concentration (ug/m3 or mg/m3): a value beyond it is a typo or a unit error. */
export const MAX_PLAUSIBLE = 100_000;

export function readConcentrations<K extends string>(
  fields: readonly string[],
  columns: readonly ConcentrationColumn<K>[],
): { values: Partial<Record<K, number>> } | { problem: Omit<InputProblem, "file" | "line"> } {
  const values: Partial<Record<K, number>> = {};
  for (const c of columns) {
    const raw = fields[c.index] ?? "";
    const cell = parseCellNumber(raw);
    if (cell.kind === "missing") continue;
    if (cell.kind === "invalid" || cell.value < 0)
      return {
        problem: {
          col: c.index + 1,
          field: c.header,
          code: cell.kind === "invalid" ? "HY-NUMBER" : "HY-RANGE",
          ...keyedMessage("input.badConcentration", { cell: quoted(raw) }),
        },
      };
    const value = cell.value * c.factor;
    if (value > MAX_PLAUSIBLE)
      return {
        problem: {
          col: c.index + 1,
          field: c.header,
          code: "HY-RANGE",
          ...keyedMessage("input.implausibleConcentration", { cell: quoted(raw), max: MAX_PLAUSIBLE }),
        },
      };
    values[c.key] = value;
  }
  return { values };
}
