// The target-file format: plan metadata, the area registry and the targets, as one Zod schema from
// which the TypeScript types and the published JSON Schema (`hy-check schema`) are both derived.
import { z } from "zod";
import { COLUMN_FIELDS } from "../data/columns.js";
import { keyedIssue } from "../errors.js";
import { DAY_VALIDITY_RULES } from "../methods/air.js";
import { WATERBODIES } from "../methods/water.js";
import { familyOf, MetricParamsSchema } from "../metrics/index.js";
import { STANDARD_EDITIONS } from "./standards.js";
import { IndicatorSchema } from "./indicator.js";
import { WaiverSchema } from "./waiver.js";

export { STANDARD_EDITIONS, resolvedStandards } from "./standards.js";

const Bilingual = z
  .object({ zh: z.string().min(1), en: z.string().min(1) })
  .strict()
  .describe("The same text in Chinese and English");

const Id = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_]*(\.[a-z0-9_]+)*$/,
    "ids are dot-separated lower-case words, e.g. air.urban.pm25",
  );

export const COMPARISONS = [">=", "<=", "==", "between"] as const;

const Station = z.union([
  z.string().min(1),
  z.object({ code: z.string().min(1), name: z.string().min(1).optional() }).strict(),
]);

export const AREA_KINDS = ["urban", "county"] as const;

const Area = z
  .object({
    id: z.string().min(1).describe("The area's name as the plan writes it, e.g. 市城区 or 衡阳县"),
    name: Bilingual.optional(),
    kind: z
      .enum(AREA_KINDS)
      .describe("urban: the city proper; county: a county-level area the bulletins rank"),
    stations: z.array(Station).default([]).describe("Station codes or names that make up the area"),
    aliases: z.array(z.string().min(1)).default([]).describe("Other names of the area in an area column"),
  })
  .strict();


import { GROUP_KINDS } from "./group-kinds.js";

export { GROUP_KINDS, type GroupKind } from "./group-kinds.js";

const Scope = z
  .object({
    area: z.string().min(1).optional().describe("One area of the registry"),
    areaKind: z.enum(AREA_KINDS).optional().describe("Every area of this kind in the registry"),
    combine: z.literal("mean").optional().describe("How per-area values combine: the arithmetic mean"),
    each: z
      .enum(GROUP_KINDS)
      .optional()
      .describe("Every city, county or station in the data, one result each, ranked as bulletins rank them"),
  })
  .strict()
  .superRefine((scope, ctx) => {
    const given = [scope.area, scope.areaKind, scope.each].filter((v) => v !== undefined).length;
    if (given !== 1)
      ctx.addIssue({ code: "custom", ...keyedIssue("targets.scopeOne") });
    if (scope.areaKind !== undefined && scope.combine === undefined)
      ctx.addIssue({ code: "custom", ...keyedIssue("targets.scopeCombine"), path: ["combine"] });
  });

const Target = z
  .object({
    id: Id.describe("Stable id: scripts and CI jobs key on it"),
    title: Bilingual,
    source: z
      .object({
        clause: z.string().min(1).describe("Clause of the plan, e.g. 二(一), or of the standard"),
        text: z
          .string()
          .min(1)
          .describe("The sentence quoted; it must occur in the plan text unless `document` is set"),
        document: z
          .string()
          .min(1)
          .optional()
          .describe("For a target from a standard rather than the plan, e.g. GB 3095-2012 Table 1"),
      })
      .strict(),
    metric: MetricParamsSchema,
    scope: Scope.optional().describe(
      "Which area an air target is about (water targets select sections in the metric)",
    ),
    op: z.enum(COMPARISONS).optional().describe("Required except for manual targets"),
    value: z
      .union([z.number(), z.tuple([z.number(), z.number()])])
      .optional()
      .describe("A number, or [low, high] for between"),
    unit: z.string().min(1).optional(),
    baseline: z
      .object({ year: z.number().int().min(2000).max(2100), indicator: z.string().min(1).optional() })
      .strict()
      .optional()
      .describe("Show the change against a ledger value of that year (indicator: default the target id)"),
    tolerance: z
      .number()
      .positive()
      .optional()
      .describe("The plan says about (左右): within this distance short of the target the status is warn"),
    informational: z.boolean().default(false).describe("Reported but never fails the run"),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.metric.name !== "manual")
      for (const key of ["op", "value", "unit"] as const)
        if (t[key] === undefined)
          ctx.addIssue({ code: "custom", path: [key], ...keyedIssue("targets.required", { key }) });
    if (familyOf(t.metric) === "air" && t.scope === undefined)
      ctx.addIssue({ code: "custom", path: ["scope"], ...keyedIssue("targets.airScope") });
    const isRange = Array.isArray(t.value);
    if (t.op === "between" && !isRange)
      ctx.addIssue({ code: "custom", path: ["value"], ...keyedIssue("targets.betweenRange") });
    if (t.op !== "between" && isRange)
      ctx.addIssue({ code: "custom", path: ["value"], ...keyedIssue("targets.singleNumber", { op: t.op ?? "" }) });
    if (Array.isArray(t.value) && t.value[0] > t.value[1])
      ctx.addIssue({ code: "custom", path: ["value"], ...keyedIssue("targets.lowAboveHigh") });
  });

export const TargetFileSchema = z
  .object({
    schemaVersion: z.literal(1),
    plan: z
      .object({
        title: Bilingual,
        year: z.number().int().min(2000).max(2100),
        issuer: z.string().min(1),
        seed: z
          .string()
          .min(1)
          .optional()
          .describe(
            "Path of the plan text, relative to the target file; may be left out when every target quotes a standard (`source.document`)",
          ),
      })
      .strict(),
    standards: z
      .object({
        aqi: z.enum(STANDARD_EDITIONS.aqi).optional(),
        assessment: z.enum(STANDARD_EDITIONS.assessment).optional(),
        limits: z.enum(STANDARD_EDITIONS.limits).optional(),
      })
      .strict()
      .default({})
      .describe("Editions applied; unset ones follow the plan year: 2026 editions from the 2026 plans on"),
    dayValidity: z
      .enum(DAY_VALIDITY_RULES)
      .default("complete-or-exceeding")
      .describe("Which days count for the good-day rate when only some pollutants are valid"),
    areas: z.array(Area).default([]),
    waivers: z
      .array(WaiverSchema)
      .default([])
      .describe(
        "Air data excluded from assessment, with a reason and an expiry: counted and shown, never silently dropped",
      ),
    sections: z
      .array(
        z
          .object({
            name: z.string().min(1).describe("Section name as the exports write it"),
            code: z.string().min(1).optional(),
            river: z.string().min(1).describe("River or lake; 湘江 for the Xiangjiang mainstream"),
            waterbody: z
              .enum(WATERBODIES)
              .default("river")
              .describe("lake also for reservoirs (lake TP limits)"),
            drinking: z.boolean().default(false).describe("A centralised drinking-water source"),
          })
          .strict(),
      )
      .default([])
      .describe("Water sections; data columns (河流, 水体类型, 断面类型) fill in sections not listed here"),
    indicators: z
      .array(IndicatorSchema)
      .default([])
      .describe("Ledger indicators: units, quantity and better direction"),
    columns: z
      .partialRecord(z.enum(COLUMN_FIELDS), z.string().min(1))
      .optional()
      .describe(
        "Header overrides: field name (date, station, area, PM2.5, O3_8h ...) -> the exact CSV header",
      ),
    targets: z.array(Target).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const areaIds = new Set<string>();
    file.areas.forEach((a, i) => {
      if (areaIds.has(a.id))
        ctx.addIssue({ code: "custom", path: ["areas", i, "id"], ...keyedIssue("targets.duplicateArea", { id: a.id }) });
      areaIds.add(a.id);
    });
    const ids = new Set<string>();
    file.targets.forEach((t, i) => {
      if (file.plan.seed === undefined && t.source.document === undefined)
        ctx.addIssue({
          code: "custom",
          path: ["targets", i, "source", "document"],
          ...keyedIssue("targets.seedNeeded"),
        });
      if (ids.has(t.id))
        ctx.addIssue({ code: "custom", path: ["targets", i, "id"], ...keyedIssue("targets.duplicateId", { id: t.id }) });
      ids.add(t.id);
      if (t.scope?.area !== undefined && !areaIds.has(t.scope.area))
        ctx.addIssue({
          code: "custom",
          path: ["targets", i, "scope", "area"],
          ...(areaIds.size === 0
            ? keyedIssue("targets.unknownAreaNoRegistry", { area: t.scope.area })
            : keyedIssue("targets.unknownArea", { area: t.scope.area, areas: [...areaIds].join(", ") })),
        });
    });
  });

export type TargetFile = z.infer<typeof TargetFileSchema>;
export type Target = TargetFile["targets"][number];
export type Area = TargetFile["areas"][number];
export type Metric = Target["metric"];
export type AirMetric = Extract<Metric, { name: `air.${string}` }>;
export type WaterMetric = Extract<Metric, { name: `water.${string}` }>;
export type LedgerMetric = Extract<Metric, { name: `ledger.${string}` | "milestone" }>;
export type { IndicatorSpec } from "./indicator.js";
export type { Waiver } from "./waiver.js";
export type Scope = NonNullable<Target["scope"]>;
export type Comparison = (typeof COMPARISONS)[number];

export function targetFileJsonSchema(): unknown {
  return z.toJSONSchema(TargetFileSchema, { io: "input" });
}

export function isAirMetric(metric: Metric): metric is AirMetric {
  return metric.name.startsWith("air.");
}

export function isWaterMetric(metric: Metric): metric is WaterMetric {
  return metric.name.startsWith("water.");
}

export function isLedgerMetric(metric: Metric): metric is LedgerMetric {
  return metric.name.startsWith("ledger.") || metric.name === "milestone";
}

