// `hy-check explain <id>`: one target traced from the plan's sentence to the figures behind its result.
import type { CheckReport } from "../engine/result.js";
import { formatProblem } from "../errors.js";
import { safeLines } from "./safe-text.js";
import { t, type Lang } from "../i18n.js";
import { roundGbt8170 } from "../methods/rounding.js";
import { fixed, resultReason } from "./view.js";
import { dataNeeded, methodText, ruleText } from "../targets/describe.js";
import type { Target, TargetFile } from "../targets/schema.js";

export function explainText(target: Target, plan: TargetFile, lang: Lang, report?: CheckReport): string {
  const L = (zh: string, en: string) => (lang === "zh" ? zh : en);
  const lines = [
    `${target.id}  ${target.title[lang]}`,
    `${L("条款", "Clause")}: ${target.source.document ? `${target.source.document} ` : ""}${target.source.clause}`,
    `${L("原文", "Plan text")}: ${target.source.text}`,
    `${L("规则", "Rule")}: ${ruleText(target, lang)}${target.informational ? L("（参考，不影响退出码）", " (informational: never fails a run)") : ""}`,
    `${L("所需数据", "Data it needs")}: ${dataNeeded(target, plan, lang)}`,
    `${L("方法", "Method")}:`,
    ...methodText(target, plan, lang).map((m) => `  - ${m}`),
  ];
  const result = report?.results.find((r) => r.id === target.id);
  if (report && result) {
    const basis = result.basis;
    const kind = basis ? ` (${t(lang, `basisKind.${basis.kind}`)})` : "";
    lines.push("", `${L("结果", "Result")}: ${t(lang, `status.${result.status}`)}${kind}`);
    // The reported value is what is compared; the unrounded one shows how near the target it sits.
    const unrounded = result.detail.unrounded;
    const before =
      unrounded !== undefined && result.actual !== null
        ? `  (${L("修约前", "unrounded")} ${roundGbt8170(unrounded, result.decimals + 4)}${L("，按 GB/T 8170 修约到", "; GB/T 8170 rounding to")} ${result.decimals} ${L("位小数", "decimal places")})`
        : "";
    const actual = result.actual === null ? "-" : fixed(result.actual, result.decimals);
    lines.push(`  ${L("实际值", "actual")}: ${actual} ${result.unit}${before}`);
    if (result.detail.goodDays !== undefined && result.validDays !== null)
      lines.push(
        `  ${L("优良天数 / 有效天数", "good days / valid days")}: ${result.detail.goodDays} / ${result.validDays}`,
      );
    if (basis) lines.push(`  ${L("结论依据", "basis")}: ${resultReason(basis, lang) ?? basis.kind}`);
    if (basis?.bounds) {
      const b = basis.bounds;
      lines.push(
        `  ${t(lang, "explain.bounds", {
          missing: b.missingDays,
          low: b.low,
          lowStatus: t(lang, `status.${b.lowStatus}`),
          high: b.high,
          highStatus: t(lang, `status.${b.highStatus}`),
          unit: result.unit,
        })}`,
      );
    }
    if (result.margin !== null) lines.push(`  ${L("余量", "margin")}: ${result.margin}`);
    if (result.validDays !== null) lines.push(`  ${L("有效天数", "valid days")}: ${result.validDays}`);
    const reason = resultReason(result.detail, lang);
    if (reason) lines.push(`  ${L("说明", "reason")}: ${reason}`);
    if (result.baseline) {
      const b = result.baseline;
      lines.push(
        `  ${L("基准", "baseline")} (${b.kind} ${b.years.join("/")}): ${b.value} ${b.unit}; ${L("本期", "current")} ${b.current} ${b.unit}; ${L("差值", "delta")} ${roundGbt8170(b.delta, 4)}${b.deltaPercent !== null ? ` (${roundGbt8170(b.deltaPercent, 2)} %)` : ""}`,
      );
    }
    // A change target: the exact change, the reported one, and the figures that decide (a ratio in % changes in points).
    const figure = result.detail.targetFigure;
    const exact = figure?.unit === "%" ? result.baseline?.delta : result.baseline?.deltaPercent;
    if (figure && exact != null)
      lines.push(
        `  ${t(lang, "explain.change", {
          exact: roundGbt8170(exact, 4),
          actual: result.actual ?? "-",
          unit: result.unit,
          status: result.status,
          current: figure.current,
          allowed: String(figure.allowed),
          figureUnit: figure.unit,
          margin: figure.margin,
        })}`,
      );
    for (const s of result.detail.shortMonths ?? [])
      lines.push(`  ${L("数据不足月份", "short month")} ${s.month}: ${s.days}/${s.required}`);
    for (const a of result.detail.areas ?? [])
      lines.push(`  ${a.area}: ${a.actual ?? "-"} (${a.validDays} ${L("天", "days")})`);
    for (const w of result.detail.sections ?? [])
      lines.push(
        `  ${w.section} (${w.river}): ${w.class ?? "-"}; ${w.deciding.map((d) => `${d.parameter} ${d.value}`).join(", ")}; ${w.samplings} ${L("次", "samplings")}`,
      );
    for (const e of result.detail.ledger ?? [])
      lines.push(`  ${e.file}:${e.line}  ${e.period}  ${e.value} ${e.unit}`);
    lines.push(`  ${L("截至", "as-of")}: ${report.asOf}; ${L("数据文件", "inputs")}:`);
    for (const i of report.inputs)
      lines.push(
        lang === "zh"
          ? `    ${i.file}（${i.kind}，${i.rows} 行，剔除 ${i.rejectedRows} 行）`
          : `    ${i.file} (${i.kind}, ${i.rows} rows, ${i.rejectedRows} rejected)`,
      );
    for (const p of report.inputs.flatMap((i) => i.rejected).slice(0, 5))
      lines.push(`    ${formatProblem(p, lang)}`);
  }
  // The plan text, names and cells come from the inputs: shown with their control characters escaped.
  return `${safeLines(lines.join("\n"))}\n`;
}
