// `hy-check draft` as a user runs it: the bin writes the YAML with -o, the review table to stderr, and
// `hy-check targets -t` then loads the draft with its quote check.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const TMP = mkdtempSync(join(tmpdir(), "hy-draft-cli-"));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

it("drafts the Hengyang plan to a file that `hy-check targets -t` lists", () => {
  const out = join(TMP, "hengyang.yaml");
  const draft = runCli(["draft", "seeds/hengyang-2019-work-plan.txt", "-o", out]);
  expect(draft.status).toBe(0);
  expect(draft.stdout).toBe("");
  // The review names each drafted target with its sentence, and the figure it left out with the reason.
  expect(draft.stderr).toContain("air.urban.good_rate\t>= 80 %\t市城区环境空气质量优良率保持在80%以上");
  expect(draft.stderr).toContain("a figure without a unit (12369)");
  const listed = runCli(["targets", "-t", out]);
  expect(listed.stderr).toBe("");
  expect(listed.status).toBe(0);
  expect(listed.stdout).toContain("emission.nh3n");
});

it("asks for --year when the title gives none (exit 2), and drafts with it", () => {
  const plan = join(TMP, "untitled.txt");
  writeFileSync(plan, "一、工作目标\n  市区环境空气质量优良率达到80%以上。\n");
  const run = runCli(["draft", plan]);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain("--year");
  expect(run.stderr).toContain("[HY-DRAFT]");
  const withYear = runCli(["draft", plan, "--year", "2025"]);
  expect(withYear.status).toBe(0);
  expect(withYear.stdout).toContain("year: 2025");
});
