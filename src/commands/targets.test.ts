// `hy-check targets` in-process: the listing against the shipped target file read as text.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AIR_TARGET_IDS, AIR_TARGETS, SHIPPED_TARGETS } from "../../test/helpers/air-reference.js";
import { ROOT } from "../../test/helpers/run-cli.js";
import { expectCleanError, runMain, tempFolder } from "../../test/helpers/run-main.js";

const tmp = tempFolder("hy-check-targets-");

describe("hy-check targets", () => {
  it("lists every target id of the shipped file in order, each air target with its operator, value and unit", async () => {
    // The ids as written in the file: `  - id: ...` items of the `targets:` list (areas come before it).
    const yaml = readFileSync(SHIPPED_TARGETS, "utf8");
    const targetsList = yaml.slice(yaml.search(/^targets:/m));
    const ids = [...targetsList.matchAll(/^ {2}- id: ([^\s#]+)/gm)].map((m) => m[1]!);
    expect(ids).toEqual(expect.arrayContaining(AIR_TARGET_IDS));
    const run = await runMain(["targets"]);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toMatch(new RegExp(`^${ids.length} targets `));
    const rows = lines.slice(1).map((l) => l.split("\t"));
    expect(rows.map((r) => r[0])).toEqual(ids);
    for (const t of AIR_TARGETS) {
      const row = rows.find((r) => r[0] === t.id)!;
      expect(row[2]).toBe(`${t.op} ${t.value} ${t.unit}`);
    }
  });

  it("--lang zh gives the Chinese titles", async () => {
    const run = await runMain(["targets", "--lang", "zh"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("市城区PM2.5年平均浓度");
  });

  it("-f json gives each target's id, clause and the plan sentence it quotes", async () => {
    const run = await runMain(["targets", "-f", "json"]);
    expect(run.status).toBe(0);
    const list = JSON.parse(run.stdout) as { id: string; informational: boolean }[];
    expect(list.filter((x) => x.id.startsWith("air.")).map((x) => x.id)).toEqual(AIR_TARGET_IDS);
    expect(list.filter((x) => x.informational && x.id.startsWith("air.")).map((x) => x.id)).toEqual(
      AIR_TARGETS.filter((t) => t.informational).map((t) => t.id),
    );
  });
});

describe('hy-check targets -t <target file with op: "<>">', () => {
  it("exits 2 with file:line:col and no stack trace", async () => {
    const yaml = readFileSync(join(ROOT, "targets", "hengyang-2019.yaml"), "utf8");
    const file = tmp.file("broken-op.yaml");
    writeFileSync(file, yaml.replace('op: "<="', 'op: "<>"'));
    const run = await runMain(["targets", "-t", file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+`));
    expectCleanError(run);
  });
});
