// Text pieces every format shares, so a section reads the same in the table, Markdown and annotations.
import type { CheckReport, WaterSectionResult } from "../engine/result.js";
import type { InputReport } from "../data/input-report.js";
import { t, type Lang } from "../i18n.js";
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

/** The data-basis line of one input: kind, encoding, rows read, rejected, outside the year, unassigned, dates. */
export function inputLine(report: CheckReport, input: InputReport, lang: Lang): string {
  return t(lang, "basis.input", {
    file: input.file,
    kind: input.kind,
    encoding: input.encoding,
    rows: input.rows,
    rejected: input.rejectedRows,
    outside: input.outsidePeriodRows,
    unassigned: input.unassignedRows,
    year: report.plan.year,
    from: input.from ?? "-",
    to: input.to ?? "-",
  });
}
