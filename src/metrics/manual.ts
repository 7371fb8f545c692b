// A qualitative commitment no data can check: listed, never reported as pass.
import { z } from "zod";
import { defineManualMetric, inLang } from "./metric.js";

export const manual = defineManualMetric({
  name: "manual",
  family: "manual",
  schema: z
    .object({ name: z.literal("manual") })
    .strict()
    .describe("A qualitative commitment no data can check: listed, never reported as pass"),
  decimals: () => 0,
  rule: (_, __, lang) => inLang(lang, "人工核查", "manual"),
  dataNeeded: (_, __, lang) => inLang(lang, "无（人工核查）", "none (a person checks it)"),
  method: (_, __, lang) => [inLang(lang, "定性要求，需人工核查", "qualitative: checked by a person")],
});
