// The registry of metrics: a new metric is one file plus one line here. The target-file schema's `metric:`
// is the union of these definitions' schemas, in this order (the published JSON Schema keeps it).
import { z } from "zod";
import { goodRate } from "./air/good-rate.js";
import { annualMean } from "./air/annual-mean.js";
import { percentile } from "./air/percentile.js";
import { dayCount } from "./air/day-count.js";
import { compositeIndexMetric } from "./air/composite-index.js";
import { goodDays } from "./air/good-days.js";
import { sectionsMeeting } from "./water/sections-meeting.js";
import { drinkingCompliance } from "./water/drinking-compliance.js";
import { sectionsDeclined } from "./water/sections-declined.js";
import { ledgerValue } from "./ledger/value.js";
import { ledgerChange } from "./ledger/change.js";
import { milestone } from "./ledger/milestone.js";
import { manual } from "./manual.js";
import type { Family, MetricDefinition } from "./metric.js";

export const METRICS = [
  goodRate,
  annualMean,
  percentile,
  dayCount,
  compositeIndexMetric,
  sectionsMeeting,
  drinkingCompliance,
  sectionsDeclined,
  ledgerValue,
  ledgerChange,
  milestone,
  manual,
  goodDays,
] as const;

// The schemas as a tuple, as z.discriminatedUnion wants them; map() cannot say that it keeps the order.
type SchemasOf<T extends readonly unknown[]> = {
  -readonly [K in keyof T]: T[K] extends { schema: infer S } ? S : never;
};
type Schemas = SchemasOf<typeof METRICS>;

/** The `metric:` of a target: one of the registered metrics' parameter objects. */
export const MetricParamsSchema = z.discriminatedUnion(
  "name",
  METRICS.map((m) => m.schema) as unknown as Schemas,
);
export type MetricParams = z.infer<typeof MetricParamsSchema>;
export type MetricName = MetricParams["name"];

const BY_NAME = new Map<string, MetricDefinition>(METRICS.map((m) => [m.name, m]));

/** The definition of a target's metric (the schema guarantees that there is one). */
export function metricDefinition(metric: { name: string }): MetricDefinition {
  const def = BY_NAME.get(metric.name);
  if (!def) throw new Error(`no metric ${metric.name} in the registry`);
  return def;
}

export function familyOf(metric: { name: string }): Family {
  return metricDefinition(metric).family;
}

export type { Family, DataFamily, MetricDefinition } from "./metric.js";
export { FAMILIES } from "./metric.js";
