// 断面达标比例: the share of assessed sections whose annual class meets a class (GB 3838-2002).
import { z } from "zod";
import { meetsClass, WATER_CLASSES } from "../../methods/water.js";
import { defineWaterMetric } from "../metric.js";
import { assess, sampledSections, sectionBase, share, SHARE_DECIMALS } from "./context.js";
import { waterDataNeeded, waterMethod } from "./words.js";

export const sectionsMeeting = defineWaterMetric({
  name: "water.sections_meeting",
  family: "water",
  schema: z
    .object({
      name: z.literal("water.sections_meeting"),
      class: z.enum(WATER_CLASSES).describe("The class a section must meet or better"),
      river: z
        .string()
        .min(1)
        .optional()
        .describe("Only sections on this river (e.g. 湘江 for the mainstream)"),
    })
    .strict()
    .describe(
      "Share of assessed sections (not drinking-water sources) whose annual mean class meets `class`, in %",
    ),
  decimals: () => SHARE_DECIMALS,
  compute: (ctx, p) => {
    const chosen = sampledSections(ctx).filter(
      (s) => !s.drinking && (p.river === undefined || s.river === p.river),
    );
    const sections = chosen.map((s) => {
      const a = assess(s, ctx.year, p.class);
      return { ...sectionBase(s), ...a, meets: a.class === null ? null : meetsClass(a.class, p.class) };
    });
    return share(sections, p.river === undefined ? { whatKey: "assessedSections" } : { what: p.river });
  },
  dataNeeded: (_, d, lang) => waterDataNeeded([d.plan.plan.year], lang, true),
  method: (_, __, lang) => waterMethod(lang),
});
