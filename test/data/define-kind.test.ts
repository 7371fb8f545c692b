// Each reader gets only its own family's stores (issue 14): a kind declared for "water" is handed the read
// settings and the water stores, and none of the air or ledger ones.
import { describe, expect, it } from "vitest";
import { defineKind, type ReadSettings } from "../../src/data/kinds/kind.js";
import { createFamilyStores } from "../../src/engine/stores.js";
import { loadTargetFile } from "../../src/targets/load.js";
import { DEFAULT_TARGETS_FILE } from "../../src/paths.js";
import { createInputReport } from "../../src/data/input-report.js";
import type { CsvSource } from "../../src/data/csv.js";
import { buildRegistry } from "../../src/data/registry.js";

describe("defineKind", () => {
  it("hands a kind the settings and its own family's stores only", async () => {
    const { targets: plan } = await loadTargetFile(DEFAULT_TARGETS_FILE);
    const stores = createFamilyStores(plan, { streamDays: true, extraAirYears: [2018] });
    const settings: ReadSettings = {
      reader: "plain",
      registry: buildRegistry(plan),
      groupings: new Set(),
      year: 2019,
      hourConvention: "ending",
      columnOverrides: {},
    };
    const seen: string[][] = [];
    const kinds = (["air", "water", "ledger"] as const).map((family) =>
      defineKind({
        id: `test-${family}`,
        family,
        detect: () => true,
        read: async (_source, _columns, ctx) => {
          seen.push(Object.keys(ctx).sort());
        },
      }),
    );
    const source = {} as CsvSource;
    for (const kind of kinds)
      await kind.read(source, [], settings, stores, createInputReport("x.csv", kind.id, "utf-8"));
    const common = ["columnOverrides", "groupings", "hourConvention", "reader", "registry", "year"];
    expect(seen).toEqual([
      [...common, "aqiEdition", "daily", "hourly", "otherYears"].sort(),
      [...common, "baselineYears", "sections", "water"].sort(),
      [...common, "indicators", "ledger"].sort(),
    ]);
  });

  it("each family's stores cover the years its metrics ask for", async () => {
    const { targets: plan } = await loadTargetFile(DEFAULT_TARGETS_FILE);
    const stores = createFamilyStores(plan, { streamDays: true, extraAirYears: [2018] });
    // Year to date asks the air family for the year before; the Hengyang plan's water target on sections that
    // declined compares with 2018.
    expect([...stores.air.otherYears.keys()]).toEqual([2018]);
    expect([...stores.water.baselineYears]).toEqual([2018]);
  });
});
