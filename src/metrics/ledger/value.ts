// The plan year's reported figure of a ledger indicator: a rate, a count, incidents.
import { z } from "zod";
import type { MetricOutcome } from "../../engine/outcome.js";
import { ledgerMetric } from "../../engine/ledger-metrics.js";
import { defineLedgerMetric, inLang } from "../metric.js";
import { ledgerDataNeeded } from "./words.js";

export const ledgerValue = defineLedgerMetric({
  name: "ledger.value",
  family: "ledger",
  schema: z
    .object({ name: z.literal("ledger.value"), indicator: z.string().min(1) })
    .strict()
    .describe("The plan year's reported value of a ledger indicator (a rate, a count, incidents)"),
  decimals: () => 0,
  compute: (ctx, p): MetricOutcome => ledgerMetric(ctx, p, ctx.rule),
  dataNeeded: (p, d, lang) => ledgerDataNeeded(p.indicator, [d.plan.plan.year], lang),
  method: (_, __, lang) => [
    inLang(lang, "台账报告值（截至 --as-of 的最新值）", "reported ledger figure (the latest at --as-of)"),
  ],
});
