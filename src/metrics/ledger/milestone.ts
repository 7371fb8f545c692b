// A dated commitment (完成/出台 by a due date): the value is the days late.
import { z } from "zod";
import type { MetricOutcome } from "../../engine/outcome.js";
import { ledgerMetric } from "../../engine/ledger-metrics.js";
import { defineLedgerMetric, inLang } from "../metric.js";

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date like 2019-12-31");

export const milestone = defineLedgerMetric({
  name: "milestone",
  family: "ledger",
  schema: z
    .object({
      name: z.literal("milestone"),
      indicator: z.string().min(1),
      due: IsoDate.describe("Due date, YYYY-MM-DD"),
    })
    .strict()
    .describe("Days late: completion (or --as-of when not done) minus the due date; on time is <= 0"),
  decimals: () => 0,
  compute: (ctx, p): MetricOutcome => ledgerMetric(ctx, p, ctx.rule),
  rule: (p, base, lang) =>
    `${inLang(lang, "截止", "due")} ${p.due} (${inLang(lang, "逾期天数", "days late")} ${base})`,
  dataNeeded: (p, _, lang) =>
    inLang(lang, `台账：${p.indicator}（完成为 1）`, `ledger: ${p.indicator} (1 when done)`),
  method: (_, __, lang) => [
    inLang(
      lang,
      "逾期天数 = 完成日期 - 截止日期（完成月份按月末计；评价日期之后的完成记录也采用）；到期未完成为不达标，未到期未完成为进行中",
      "days late = completion - due date (a month counts to its end; a completion dated after --as-of still counts); not done once due: fail; not done and not yet due: in progress (warn)",
    ),
  ],
});
