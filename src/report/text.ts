// Text pieces every format shares, so a section reads the same in the table, Markdown and annotations.
import type { WaterSectionResult } from "../engine/result.js";
import { roundGbt8170 } from "../methods/rounding.js";

/** `NH3N 0.85 (+0.2x)` for the deciding parameters, or `Fe 0.35 > 0.3` for a source's items over their limit. */
export function sectionDetail(w: WaterSectionResult): string {
  const failing = (w.failing ?? []).map((f) => `${f.parameter} ${f.value} > ${f.limit ?? "6-9"}`).join(", ");
  if (failing) return failing;
  return w.deciding
    .slice(0, 3)
    .map(
      (d) =>
        `${d.parameter} ${d.value}${d.exceedance !== undefined ? ` (+${roundGbt8170(d.exceedance, 2)}x)` : ""}`,
    )
    .join(", ");
}
