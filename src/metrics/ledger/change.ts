// Change of a ledger indicator versus a baseline: % for totals, percentage points for ratios.
import { z } from "zod";
import type { MetricOutcome } from "../../engine/outcome.js";
import { ledgerMetric } from "../../engine/ledger-metrics.js";
import { baselineWords, baselineYears, BaselineSchema } from "../baseline.js";
import { defineLedgerMetric, inLang } from "../metric.js";
import { ledgerDataNeeded } from "./words.js";

export const ledgerChange = defineLedgerMetric({
  name: "ledger.change",
  family: "ledger",
  schema: z
    .object({
      name: z.literal("ledger.change"),
      indicator: z.string().min(1),
      baseline: BaselineSchema,
    })
    .strict()
    .describe("Change of a ledger indicator versus a baseline: % for totals, percentage points for ratios"),
  decimals: () => 1,
  otherYears: (p, planYear) => baselineYears(p.baseline, planYear),
  compute: (ctx, p): MetricOutcome => ledgerMetric(ctx, p, ctx.rule),
  rule: (p, base, lang) => {
    const years = baselineWords(p.baseline, lang);
    return `${base} (${inLang(lang, `较${years}变化`, `change vs ${years}`)})`;
  },
  dataNeeded: (p, d, lang) =>
    ledgerDataNeeded(p.indicator, [...baselineYears(p.baseline, d.plan.plan.year), d.plan.plan.year], lang),
  method: (_, __, lang) => [
    inLang(
      lang,
      "变化率 = (本年 - 基准) / 基准 x 100%；比率类指标按百分点",
      "change = (current - baseline) / baseline x 100 %; ratios in percentage points",
    ),
    inLang(
      lang,
      "按台账数值精确计算，变化率按 GB/T 8170-2008 修约一次（四舍六入五成双）仅供阅读；判定比较本年数值与目标允许值（基准 x (1 + 目标)，比率类为基准 + 目标）",
      "worked out exactly on the figures as written; the change is rounded once (GB/T 8170-2008, half to even) for reading; the target is met when the figure is within the figure it allows (baseline x (1 + target); for ratios baseline + target)",
    ),
  ],
});
