// Units of ledger figures: masses convert (t, 万吨, kg), ratios are %, counts are counts; anything else is
// refused rather than mixed silently.

export type Quantity = "mass" | "ratio" | "count" | "concentration";

const MASS: Record<string, number> = {
  t: 1,
  吨: 1,
  万吨: 10_000,
  万t: 10_000,
  "10^4t": 10_000,
  "10⁴t": 10_000,
  kg: 0.001,
  千克: 0.001,
  公斤: 0.001,
};
const CONCENTRATION: Record<string, number> = {
  "ug/m3": 1,
  "μg/m3": 1,
  "µg/m3": 1,
  "μg/m³": 1,
  "µg/m³": 1,
  "ug/m³": 1,
  微克每立方米: 1,
  "mg/m3": 1000,
  "mg/m³": 1000,
  毫克每立方米: 1000,
};
const RATIO = new Set(["%", "％", "百分比", "percent"]);
const COUNT = new Set([
  "",
  "个",
  "家",
  "座",
  "次",
  "起",
  "项",
  "处",
  "村",
  "个村",
  "条",
  "台",
  "件",
  "count",
  "d",
  "天",
]);

const clean = (unit: string) => unit.trim().replace(/\s+/g, "").toLowerCase();

/** The value in `to`, or null when `from` is not a unit of that quantity. Mass units convert; the others must match. */
export function convertUnit(value: number, from: string, to: string, quantity: Quantity): number | null {
  const f = clean(from);
  const t = clean(to);
  if (quantity === "mass") {
    const a = MASS[f];
    const b = MASS[t];
    return a === undefined || b === undefined ? null : (value * a) / b;
  }
  if (quantity === "concentration") {
    const a = CONCENTRATION[f];
    const b = CONCENTRATION[t];
    return a === undefined || b === undefined ? null : (value * a) / b;
  }
  if (quantity === "ratio") return RATIO.has(f) ? value : null;
  return COUNT.has(f) || f === t ? value : null;
}
