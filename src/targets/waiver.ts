// Air data a target file excludes from assessment, with a reason and an expiry.
import { z } from "zod";
import { POLLUTANTS } from "../methods/air.js";

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date like 2019-12-31");

export const WaiverSchema = z
    .object({
      id: z.string().min(1),
      reason: z
        .string()
        .min(1)
        .describe(
          "Why: e.g. a sand-dust event the assessment rules allow to exclude, or a broken analyser",
        ),
      from: IsoDate,
      to: IsoDate,
      expires: IsoDate.describe(
        "After this date the waiver is no longer applied, and a warning says so",
      ),
      areas: z.array(z.string().min(1)).optional().describe("Areas it covers (all when omitted)"),
      pollutants: z
        .array(z.enum(POLLUTANTS))
        .optional()
        .describe("Pollutants it removes (the whole day when omitted)"),
    })
    .strict();

export type Waiver = z.infer<typeof WaiverSchema>;
