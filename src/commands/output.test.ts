// Writing -o files (issue 18, hostile input 2): never over an input, never half, all or nothing, in the
// format the file's extension names. In-process; concurrent runs and a full stdout are in
// test/hostile-input.test.ts (they need processes).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { csvText } from "../../test/helpers/air-reference.js";
import { expectCleanError, runMain, tempFolder } from "../../test/helpers/run-main.js";

const tmp = tempFolder("hy-check-output-");
const VALID = "test/corpus/valid-daily.csv";

/** A fresh folder holding a copy of the valid daily file as data.csv. */
function folderWithData(): { dir: string; data: string; bytes: Buffer } {
  const dir = tmp.file("run");
  mkdirSync(dir);
  const data = join(dir, "data.csv");
  copyFileSync(VALID, data);
  return { dir, data, bytes: readFileSync(data) };
}

describe("an output that is one of the inputs is refused, and the data stays as it was", () => {
  it("check data.csv -o data.csv", async () => {
    const { data, bytes } = folderWithData();
    const run = await runMain(["check", data, "-o", data]);
    expect(run.status).toBe(2);
    expectCleanError(run);
    expect(run.stderr).toContain(`${data}  the output is an input of this run (${data})`);
    expect(run.stderr).toContain("[HY-WRITE]");
    expect(readFileSync(data)).toEqual(bytes);
  });

  it("the same file under another name: a folder as input, its file as -o (validate)", async () => {
    const { dir, data, bytes } = folderWithData();
    const run = await runMain(["validate", dir, "-o", join(dir, ".", "data.csv")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("the output is an input of this run");
    expect(readFileSync(data)).toEqual(bytes);
  });

  it("the target file as -o", async () => {
    const { dir } = folderWithData();
    const targets = join(dir, "targets.yaml");
    // The minimal target file, its plan text named by an absolute path so that the copy still finds it.
    const text = readFileSync("test/corpus/minimal-targets.yaml", "utf8").replace(
      "../../seeds/",
      `${resolve("seeds")}/`,
    );
    writeFileSync(targets, text);
    const run = await runMain(["check", VALID, "-t", targets, "-o", targets]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`the output is an input of this run (${targets})`);
    expect(readFileSync(targets, "utf8")).toBe(text);
  });
});

describe("-o writes whole files, through a temporary file renamed over the target", () => {
  it("a missing folder is named, and nothing is written", async () => {
    const { dir } = folderWithData();
    const out = join(dir, "no-such-folder", "report.json");
    const run = await runMain(["check", VALID, "-f", "json", "-o", out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `hy-check: ${out}  cannot write the report: the folder ${join(dir, "no-such-folder")} does not exist; create it first  [HY-WRITE]\n`,
    );
    expect(readdirSync(dir)).toEqual(["data.csv"]);
  });

  it("a written report leaves no temporary file beside it", async () => {
    const { dir } = folderWithData();
    const run = await runMain(["check", VALID, "-f", "json", "-o", join(dir, "report.json")]);
    expect(run.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["data.csv", "report.json"]);
    expect(JSON.parse(readFileSync(join(dir, "report.json"), "utf8"))).toHaveProperty("results");
  });
});

describe("hy-check report -o: the extension names the format; all files or none", () => {
  const data = () => {
    const file = tmp.file("urban.csv");
    writeFileSync(file, csvText({ urban: () => ({ "PM2.5": 50 }) }));
    return file;
  };

  it("-o x.md without -f writes Markdown (not HTML) and its charts as SVG files beside it", async () => {
    const dir = tmp.file("md");
    mkdirSync(dir);
    const run = await runMain(["report", data(), "-o", join(dir, "x.md")]);
    expect(run.status, run.stderr).toBe(0);
    const text = readFileSync(join(dir, "x.md"), "utf8");
    expect(text).not.toContain("<!DOCTYPE html>");
    expect(text.startsWith("# ")).toBe(true);
    const files = readdirSync(dir);
    expect(files.filter((f) => f.endsWith(".svg")).length).toBeGreaterThan(0);
    expect(files.every((f) => f === "x.md" || /^x-.+\.svg$/.test(f))).toBe(true);
  });

  it("-f html -o x.md contradicts itself: HY-USAGE, nothing written", async () => {
    const dir = tmp.file("contra");
    mkdirSync(dir);
    const run = await runMain(["report", data(), "-f", "html", "-o", join(dir, "x.md")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--format html contradicts the output file");
    expect(run.stderr).toContain("[HY-USAGE]");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("a chart that cannot be written leaves neither the document nor the other charts behind", async () => {
    const dir = tmp.file("partial");
    mkdirSync(dir);
    const input = data();
    const first = await runMain(["report", input, "-o", join(dir, "x.md")]);
    expect(first.status, first.stderr).toBe(0);
    const svgs = readdirSync(dir)
      .filter((f) => f.endsWith(".svg"))
      .sort();
    for (const f of readdirSync(dir)) if (f !== svgs.at(-1)) writeFileSync(join(dir, f), "old");
    // The last chart's name is taken by a folder: the run cannot write it, so it writes none of its files.
    const blocked = svgs.at(-1) ?? "";
    rmSync(join(dir, blocked));
    mkdirSync(join(dir, blocked));
    const run = await runMain(["report", input, "-o", join(dir, "x.md")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("[HY-WRITE]");
    expect(readdirSync(dir).sort()).toEqual(["x.md", ...svgs].sort());
    // Every file the first run wrote is as it was (here: "old"): nothing was replaced.
    for (const f of readdirSync(dir))
      if (f !== blocked) expect(readFileSync(join(dir, f), "utf8")).toBe("old");
  });
});
