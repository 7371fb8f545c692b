// Value checks that keep the row (warnings, not rejections): the readers run them on every row they
// accept, and `hy-check validate` lists what they find. Pure functions of a row's values in standard units.
import type { InputProblem } from "../errors.js";
import { t, type MessageKey } from "../i18n.js";

/** PM2.5 is part of PM10: a row is flagged when PM2.5 > PM10 x RATIO_FACTOR and by more than RATIO_MARGIN ug/m3. */
export const RATIO_FACTOR = 1.1;
export const RATIO_MARGIN = 5;
/** CO above this many mg/m3 is not ambient air: the column most likely holds ug/m3. */
export const CO_MAX_MG = 50;

/** A value column as the readers know it: the key, its field number, its header and the unit factor. */
export interface ValueColumn {
  key: string;
  index: number;
  header: string;
  /** Multiplier from the header's unit to the standard unit. */
  factor: number;
}

export type RowFinding = Omit<InputProblem, "file" | "line">;

/** Six significant digits, without float noise (0.001 x 60000 is 60, not 60.00000000000001). */
function show(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/** The message in English with its key and parameters, so a report says it in the chosen language. */
function said(key: MessageKey, params: Record<string, string | number>) {
  return { message: t("en", key, params), key, params };
}

/** HY-RATIO (PM2.5 > PM10 beyond the tolerance) and HY-CO-UNIT (CO that looks like ug/m3) for one row. */
export function plausibilityFindings(
  values: Readonly<Partial<Record<string, number>>>,
  columns: readonly ValueColumn[],
): RowFinding[] {
  const findings: RowFinding[] = [];
  const pm25 = values["PM2.5"];
  const pm10 = values["PM10"];
  const pm25Col = columns.find((c) => c.key === "PM2.5");
  if (
    pm25 !== undefined &&
    pm10 !== undefined &&
    pm25Col &&
    pm25 > pm10 * RATIO_FACTOR &&
    pm25 - pm10 > RATIO_MARGIN
  )
    findings.push({
      col: pm25Col.index + 1,
      field: pm25Col.header,
      code: "HY-RATIO",
      ...said("validate.ratio", {
        pm25: show(pm25),
        pm10: show(pm10),
        factor: RATIO_FACTOR,
        margin: RATIO_MARGIN,
      }),
    });
  const co = values["CO"];
  const coCol = columns.find((c) => c.key === "CO");
  if (co !== undefined && coCol && co > CO_MAX_MG) {
    const asRead =
      coCol.factor === 1 ? `${show(co)} mg/m3` : `${show(co / coCol.factor)} ug/m3 = ${show(co)} mg/m3`;
    findings.push({
      col: coCol.index + 1,
      field: coCol.header,
      code: "HY-CO-UNIT",
      ...said(coCol.factor === 1 ? "validate.coUnit" : "validate.coValue", { value: asRead, max: CO_MAX_MG }),
    });
  }
  return findings;
}
