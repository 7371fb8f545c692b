// The draft of the seed plan against the hand-encoded targets/hengyang-2019.yaml.
// Numeric targets: those quoting the plan (no source.document), not manual, not informational, whose quote
// holds a figure (a number not followed by 年, or a water class such as Ⅲ类).
// Pairing: a draft target pairs with a hand target when the draft's source.text contains (or equals) the hand
// target's quote and the metric family is the same (metric name with pollutant, percentile, class, river or
// AQI level; ledger metrics by name, since a draft names unknown indicators by clause). A pair reproduces the
// target when op, value, tolerance and the judged baseline year (a change's baseline) are the same, a display
// baseline the draft sets is the hand file's (one the draft leaves out changes no verdict: the hand file shows
// 2018 beside the county targets, which the plan does not word as a change), and the unit is one the engine
// reads as the same (src/data/units.ts: count words are one unit).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { convertUnit } from "../../src/data/units.js";
import { draftTargets } from "../../src/draft/draft.js";
import { TargetFileSchema, type Target } from "../../src/targets/schema.js";

const SEED = fileURLToPath(new URL("../../seeds/hengyang-2019-work-plan.txt", import.meta.url));
const HAND = TargetFileSchema.parse(
  parse(readFileSync(fileURLToPath(new URL("../../targets/hengyang-2019.yaml", import.meta.url)), "utf8")),
);
const draft = draftTargets(readFileSync(SEED, "utf8"), { seed: "../seeds/hengyang-2019-work-plan.txt" });

const holdsFigure = (quote: string) =>
  /\d+(?:\.\d+)?(?!\d|\s*年)|[ⅠⅡⅢⅣⅤ]类/.test(quote.replace(/PM2\.5|PM10/g, ""));
const NUMERIC = HAND.targets.filter(
  (t) =>
    t.source.document === undefined &&
    t.metric.name !== "manual" &&
    !t.informational &&
    holdsFigure(t.source.text),
);

function family(t: Target): string {
  const m = t.metric;
  if (m.name.startsWith("ledger.")) return m.name;
  const { name, ...rest } = m;
  return `${name} ${JSON.stringify(rest)}`;
}

function baselineYear(t: Target, planYear: number): number | undefined {
  if (t.metric.name === "ledger.change") {
    const b = t.metric.baseline;
    return "year" in b ? b.year : "previousYear" in b ? planYear - 1 : undefined;
  }
  return undefined;
}

function sameUnit(a: Target, b: Target): boolean {
  if (a.unit === b.unit) return true;
  if (a.unit === undefined || b.unit === undefined) return false;
  return convertUnit(1, a.unit, b.unit, "count") === 1 && convertUnit(1, b.unit, a.unit, "count") === 1;
}

function reproduces(d: Target, h: Target): boolean {
  return (
    d.op === h.op &&
    JSON.stringify(d.value) === JSON.stringify(h.value) &&
    sameUnit(d, h) &&
    d.tolerance === h.tolerance &&
    baselineYear(d, 2019) === baselineYear(h, 2019) &&
    (d.baseline === undefined || d.baseline.year === h.baseline?.year)
  );
}

// One draft target per hand target: a list sentence gives several that differ only by subject, so a draft
// target with the hand target's id is taken first, then the first one left.
const used = new Set<string>();
const pairs = NUMERIC.map((h) => {
  const fits = draft.parsed.targets.filter(
    (d) =>
      !used.has(d.id) && d.source.text.includes(h.source.text) && family(d) === family(h) && reproduces(d, h),
  );
  const found = fits.find((d) => d.id === h.id) ?? fits[0];
  if (found) used.add(found.id);
  return { hand: h, draft: found };
});

describe("the draft of seeds/hengyang-2019-work-plan.txt against targets/hengyang-2019.yaml", () => {
  it("the numeric targets are the 20 worked out by hand from the plan", () => {
    // 二(一) 9, 二(二) 7 (four cuts, heavy metals, two safe-use rates), 三 4 counted tasks.
    expect(NUMERIC.map((t) => t.id).sort()).toEqual(
      [
        "air.urban.good_rate",
        "air.urban.pm25",
        "air.urban.pm10",
        "air.counties.good_rate",
        "air.counties.pm25",
        "air.counties.pm10",
        "water.sections.class",
        "water.xiangjiang.class",
        "water.drinking.compliance",
        "emission.cod",
        "emission.nh3n",
        "emission.so2",
        "emission.nox",
        "emission.heavy_metals",
        "soil.farmland_safe_use",
        "soil.plots_safe_use",
        "task.industries_compliant",
        "task.township_sources",
        "task.villages",
        "task.vehicle_agencies",
      ].sort(),
    );
  });

  it("reproduces every numeric target (recall 100 %)", () => {
    const missed = pairs.filter((p) => p.draft === undefined).map((p) => p.hand.id);
    expect(missed).toEqual([]);
  });

  it("drafts no numeric target the hand file lacks: the extras hold no figure", () => {
    const paired = new Set(pairs.map((p) => p.draft?.id));
    const extras = draft.parsed.targets.filter((d) => !paired.has(d.id));
    const numericExtras = extras.filter((d) => d.metric.name !== "manual" && holdsFigure(d.source.text));
    expect(numericExtras.map((d) => d.id)).toEqual([]);
  });

  it("names the clause of each paired target as the hand file does", () => {
    for (const p of pairs) expect(p.draft?.source.clause, p.hand.id).toBe(p.hand.source.clause);
  });

  it("gives the hand file's id where a subject row knows it (15 of 20: not the river's, not counted tasks)", () => {
    // The draft names a river's sections water.river.class (no pinyin table) and counted tasks by clause.
    expect(pairs.filter((p) => p.draft?.id !== p.hand.id).map((p) => p.hand.id)).toEqual([
      "water.xiangjiang.class",
      "task.industries_compliant",
      "task.township_sources",
      "task.villages",
      "task.vehicle_agencies",
    ]);
  });

  it("takes the plan year from the title", () => {
    expect(draft.file.plan.year).toBe(2019);
  });
});
