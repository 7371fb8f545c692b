// A ledger indicator a target file declares: its names, quantity, unit and better direction.
import { z } from "zod";

export const IndicatorSchema = z
  .object({
    id: z.string().min(1).describe("Indicator key, as ledger rows may write it"),
    names: z
      .array(z.string().min(1))
      .default([])
      .describe("Other names ledger rows use (Chinese or English)"),
    quantity: z
      .enum(["mass", "ratio", "count", "concentration"])
      .describe(
        "mass: t / 万吨 / kg and concentration: ug/m3 / mg/m3, compared in %; ratio: %, in percentage points; count",
      ),
    unit: z.string().min(1).describe("The unit results are reported in: t, 万吨, kg, %, or a count word"),
    better: z.enum(["lower", "higher"]),
  })
  .strict();

export type IndicatorSpec = z.infer<typeof IndicatorSchema>;
