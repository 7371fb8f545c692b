// Units as plans spell them: each spelling, the unit a target file writes, and what kind of quantity it is.
// A new spelling is one row. Longer spellings are tried first, so 万吨 is never read as 万 + 吨.

/** What a figure measures: the quantities of a ledger indicator, or a day count, or a percent. */
export type UnitKind = "percent" | "points" | "concentration" | "mass" | "days" | "count" | "other";

export interface UnitSpelling {
  /** As the plan writes it. */
  spelling: string;
  /** As the target file writes it. */
  unit: string;
  kind: UnitKind;
}

const row = (unit: string, kind: UnitKind, ...spellings: string[]): UnitSpelling[] =>
  spellings.map((spelling) => ({ spelling, unit, kind }));

export const UNIT_SPELLINGS: readonly UnitSpelling[] = [
  ...row(
    "ug/m3",
    "concentration",
    "ug/m3",
    "ug/m³",
    "μg/m3",
    "μg/m³",
    "µg/m3",
    "µg/m³",
    "微克/立方米",
    "微克每立方米",
  ),
  ...row("mg/m3", "concentration", "mg/m3", "mg/m³", "毫克/立方米", "毫克每立方米"),
  ...row("mg/L", "other", "mg/L", "mg/l", "毫克/升"),
  // Dustfall (降尘量): tonnes per square kilometre per month, spelled several ways.
  ...row(
    "吨/月·平方公里",
    "other",
    "吨/月·平方公里",
    "吨/平方公里·月",
    "吨/(平方公里·月)",
    "t/(km²·月)",
    "t/km²·月",
  ),
  // Percentage points of a rate (提高2个百分点) are changes in %, as the ledger reports a ratio's change.
  ...row("%", "points", "个百分点", "百分点"),
  ...row("%", "percent", "%", "％"),
  ...row("万吨/日", "other", "万吨/日", "万吨/天"),
  ...row("吨/日", "other", "吨/日", "吨/天"),
  ...row("万吨", "mass", "万吨", "万t"),
  ...row("吨", "mass", "吨", "t"),
  ...row("kg", "mass", "千克", "公斤", "kg"),
  ...row("天", "days", "天"),
  ...row("万元", "other", "万元"),
  ...row("亿元", "other", "亿元"),
  ...row("平方公里", "other", "平方公里", "km²", "km2"),
  ...row("公里", "other", "公里", "千米", "km"),
  ...row("万亩", "other", "万亩"),
  ...row("亩", "other", "亩"),
  ...row("公顷", "other", "公顷"),
  ...row("万立方米", "other", "万立方米"),
  // Count words: a number of things (sites, firms, villages, incidents).
  ...["个", "家", "座", "处", "项", "条", "台", "辆", "艘", "件", "起", "次", "所", "户", "村", "套"].flatMap(
    (w) => row(w, "count", w),
  ),
].sort((a, b) => b.spelling.length - a.spelling.length);

/** The unit spelled at `at` in `text`, longest spelling first; a Latin unit must not run into a word. */
export function unitAt(text: string, at: number): UnitSpelling | undefined {
  for (const u of UNIT_SPELLINGS) {
    if (!text.startsWith(u.spelling, at)) continue;
    const next = text[at + u.spelling.length] ?? "";
    if (/^[a-z]/i.test(u.spelling.slice(-1)) && /[a-z]/i.test(next)) continue;
    return u;
  }
  return undefined;
}

/** The quantity a ledger indicator in this unit has (src/data/units.ts converts within it). */
export function quantityOf(kind: UnitKind): "mass" | "ratio" | "count" | "concentration" {
  if (kind === "mass") return "mass";
  if (kind === "percent" || kind === "points") return "ratio";
  if (kind === "concentration") return "concentration";
  return "count";
}
