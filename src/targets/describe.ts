// Targets in words: the rule as written, the data it needs and the method it applies, for `hy-check
// targets` and `hy-check explain`, so that every number can be traced to the plan and the standard.
import type { Lang } from "../i18n.js";
import { metricDefinition } from "../metrics/index.js";
import type { DescribeContext } from "../metrics/metric.js";
import type { Target, TargetFile } from "./schema.js";

/** `>= 80 %`, `<= -2 % (change vs 2018)`, `manual`. */
export function ruleText(target: Target, lang: Lang): string {
  const value = Array.isArray(target.value) ? `${target.value[0]}..${target.value[1]}` : String(target.value);
  const tol = target.tolerance !== undefined ? ` ±${target.tolerance}` : "";
  const base = `${target.op === "between" ? "" : `${target.op} `}${value}${tol} ${target.unit ?? ""}`.trim();
  const def = metricDefinition(target.metric);
  return def.rule ? def.rule(target.metric, base, lang) : base;
}

function describeContext(target: Target, plan: TargetFile): DescribeContext {
  return { plan, scope: { ...target.scope } };
}

/** What data a target needs, in words. */
export function dataNeeded(target: Target, plan: TargetFile, lang: Lang): string {
  return metricDefinition(target.metric).dataNeeded(target.metric, describeContext(target, plan), lang);
}

/** The method and the standard editions a target applies. */
export function methodText(target: Target, plan: TargetFile, lang: Lang): string[] {
  return metricDefinition(target.metric).method(target.metric, describeContext(target, plan), lang);
}

const mdCell = (text: string) =>
  text
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r?\n/g, " ");

/** The plan's commitments as a Markdown table: clause, quote, id, rule, data it needs. */
export function targetsMarkdown(plan: TargetFile, lang: Lang): string {
  const head =
    lang === "zh"
      ? ["条款", "原文", "编号", "规则", "所需数据"]
      : ["Clause", "Quote", "ID", "Rule", "Data it needs"];
  const rows = plan.targets.map((t) => [
    t.source.document ? `${t.source.document} ${t.source.clause}` : t.source.clause,
    t.source.text,
    `\`${t.id}\``,
    ruleText(t, lang) + (t.informational ? (lang === "zh" ? "（参考）" : " (informational)") : ""),
    dataNeeded(t, plan, lang),
  ]);
  const line = (cells: string[]) => `| ${cells.map(mdCell).join(" | ")} |`;
  return [
    `# ${plan.plan.title[lang]}`,
    "",
    line(head),
    `|${head.map(() => "---").join("|")}|`,
    ...rows.map(line),
    "",
  ].join("\n");
}
