// Chinese all the way: every command run with --lang zh (and one with only a zh locale) says everything a
// person reads in Chinese. Names stay as they are (target ids, file paths, options, codes, units, choice
// values), so the check strips those, then looks for English message words from a list: a line that mixes
// languages (`结果: pass`, `输入中没有water数据`, `no row for 1 day`) has one of them.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runMain } from "./helpers/run-main.js";

const DAILY = "fixtures/hengyang-2019-daily.csv";
const WATER = "fixtures/hengyang-2019-water.csv";
const LEDGER = "fixtures/hengyang-ledger.csv";
const dir = mkdtempSync(join(tmpdir(), "hy-zh-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** English words of messages, labels and help texts: none may show in Chinese output outside a name. */
const ENGLISH = new Set(
  (
    "the a an of to in on at by for with from and or not no is are was be than each between outside inside " +
    "rows row days day hours hour file files error errors warning warnings data target targets missing " +
    "unknown option options argument arguments command commands usage default choices help display show " +
    "print output language encoding pass fail warn done due figure invalid expected received read used " +
    "station stations value values more exit code report year month inputs input reason result actual " +
    "margin required valid short late progress baseline summary total checked manual information " +
    "mean annual rate good sections section samplings plan clause text rule method methods needs did you " +
    "mean whatever too many"
  ).split(" "),
);

/** The text with the names taken out: ids, paths, options, codes, placeholders, quoted and listed choices. */
function withoutNames(text: string): string {
  return (
    text
      // Choice lists and defaults in the help: `（可选：table, json；默认："table"）`.
      .replace(/可选：[^；）]*/g, "")
      .replace(/默认：[^；）]*/g, "")
      .replace(/HY-[A-Z0-9-]+/g, "")
      // The command named in a usage line or listed in the help: `hy-check targets`, `  report [选项]`.
      .replace(/hy-check \w+/g, "")
      .replace(/^ {2}[a-z]+(?= )/gm, "")
      // A unit after its figure: `1 sections`, `43 ug/m3`.
      .replace(/\d(?:\.\d+)? [A-Za-z][\w/]*/g, "")
      .replace(/(?<!\w)--?[a-zA-Z][\w-]*/g, "")
      .replace(/[<[][^>\]]*[>\]]/g, "")
      .replace(/"[^"]*"|`[^`]*`/g, "")
      // Dotted ids, paths, file names, snake_case and hyphenated names: `air.urban.pm25`, `fixtures/x.csv`,
      // `three_lines`, `year-end`.
      .replace(/[\w.~-]*[./_\\-][\w./~\\-]*/g, "")
  );
}

function englishWords(text: string): string[] {
  // Whole words only: `2458A` is a station code, not the word `A`.
  const words = withoutNames(text).match(/[A-Za-z0-9]+/g) ?? [];
  return [...new Set(words.filter((w) => ENGLISH.has(w.toLowerCase())))];
}

/** Lines with English message words, for the failure message. */
function offending(text: string): string[] {
  return text.split("\n").filter((l) => englishWords(l).length > 0);
}

const RUNS: [string, string[]][] = [
  ["check, table", [DAILY, WATER, LEDGER]],
  ["check, year to date", [DAILY, WATER, LEDGER, "--as-of", "2019-06-30"]],
  ["check, one month", [DAILY, "--period", "2019-04"]],
  ["check, Markdown", [DAILY, WATER, LEDGER, "-f", "markdown"]],
  ["check, both AQI editions", [DAILY, "--compare-editions"]],
  ["validate", ["validate", DAILY, WATER, LEDGER]],
  ["targets", ["targets"]],
  ["explain, without data", ["explain", "air.urban.pm25"]],
  ["explain, with data", ["explain", "air.urban.pm25", DAILY]],
  ["explain, a ledger target", ["explain", "milestone.pollution_census", LEDGER]],

  ["help", ["--help"]],
  ...["check", "validate", "targets", "explain", "report", "draft", "schema"].map((c): [string, string[]] => [
    `${c} --help`,
    [c, "--help"],
  ]),
  ["an unknown option", [DAILY, "--colour"]],
  ["a mistyped option", [DAILY, "--lnag", "zh"]],
  ["a missing argument", ["validate"]],
  ["a bad choice", [DAILY, "-f", "xml"]],
  ["a bad date", [DAILY, "--period", "2019-13"]],
  ["a bad number", [DAILY, "--year", "1900"]],
  ["an unknown target", ["explain", "air.nowhere"]],
];

describe("--lang zh says everything in Chinese", () => {
  it.each(RUNS)("%s", async (_name, args) => {
    const run = await runMain([...args, "--lang", "zh"]);
    const text = `${run.stdout}\n${run.stderr}`;
    expect(text.trim()).not.toBe("");
    expect(offending(text).join("\n")).toBe("");
  });

  it("draft: the review on stderr (the YAML's keys are the format's names)", async () => {
    const run = await runMain(["draft", "seeds/hengyang-2019-work-plan.txt", "--lang", "zh"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("草稿");
    expect(offending(run.stderr).join("\n")).toBe("");
  });

  it("the year-end report (HTML text and Markdown)", async () => {
    const html = join(dir, "report.html");
    const md = join(dir, "report.md");
    for (const [format, file] of [
      ["html", html],
      ["markdown", md],
    ])
      expect(
        (await runMain(["report", DAILY, WATER, LEDGER, "--lang", "zh", "-f", format!, "-o", file!])).status,
      ).toBe(0);
    // The HTML's text: tags, the style sheet and the embedded font out.
    const text = readFileSync(html, "utf8")
      .replace(/<style>[\s\S]*?<\/style>/, "")
      .replace(/<[^>]+>/g, "\n")
      .replace(/&[a-z]+;/g, " ");
    expect(offending(text).join("\n")).toBe("");
    expect(offending(readFileSync(md, "utf8")).join("\n")).toBe("");
  });

  it("a target file with a mistyped key: the message and the suggestion in Chinese", async () => {
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, readFileSync("targets/hengyang-2019.yaml", "utf8").replace(/^ {2}year:/m, "  yaer:"));
    const run = await runMain(["targets", "-t", bad, "--lang", "zh"]);
    expect(run.status).toBe(2);
    // `plan` is the key's path and `year` the key meant: names.
    expect(run.stderr).toContain(":10:3  plan  未知的键 yaer；是否应为 year？  [HY-TARGETS]");
  });

  describe("the data readers' messages", () => {
    const header = "日期,区域,监测点位,PM2.5,PM10,SO2,NO2,CO,O3_8h";
    const daily = join(dir, "bad-daily.csv");
    writeFileSync(
      daily,
      [
        header,
        "2019-01-01,市城区,衡阳化工总厂,40,60,12,28,1.1,60",
        "2019-02-30,市城区,衡阳化工总厂,40,60,12,28,1.1,60",
        "2019-01-02,市城区,衡阳化工总厂,四十,60,12,28,1.1,60",
        "2019-01-01,市城区,衡阳化工总厂,41,60,12,28,1.1,60",
        "2019-01-03,市城区,衡阳化工总厂,40,60,12",
        "",
      ].join("\n"),
    );
    const water = join(dir, "bad-water.csv");
    writeFileSync(water, "断面名称,采样日期,pH\n归阳镇,2019-13-08,7.8\n归阳镇,2019-01-08,中性\n");
    const ledger = join(dir, "bad-ledger.csv");
    writeFileSync(ledger, "指标,地区,年份,数值,单位\n化学需氧量排放量,全市,2019,很多,万吨\n");
    const noHeader = join(dir, "no-unit.csv");
    writeFileSync(noHeader, "指标,地区,年份,数值\n化学需氧量排放量,全市,2019,4.00\n");

    it.each([
      ["a bad date, a bad number, a duplicate, a short row", [daily]],
      ["validate of the same", ["validate", daily]],
      ["a bad sampling date and a bad water value", [water]],
      ["a ledger figure that is not a number", [ledger]],
      ["a ledger without its unit column", [noHeader]],
      ["a missing file", [join(dir, "nowhere.csv")]],
      ["a folder with no data files", [join(dir, "*.xlsx")]],
      ["a UTF-16 file", [join(dir, "utf16.csv")]],
      ["an empty file", [join(dir, "empty.csv")]],
      ["a header and no rows", [join(dir, "header-only.csv")]],
      ["a ledger figure in a unit of another quantity", [join(dir, "bad-unit.csv")]],
    ])("%s", async (_name, args) => {
      writeFileSync(join(dir, "utf16.csv"), Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00]));
      writeFileSync(join(dir, "empty.csv"), "");
      writeFileSync(join(dir, "header-only.csv"), `${header}\n`);
      writeFileSync(
        join(dir, "bad-unit.csv"),
        "指标,地区,年份,数值,单位\n化学需氧量排放量,全市,2019,4.00,个\n",
      );
      const run = await runMain([...args, "--lang", "zh"]);
      expect(run.status).toBe(2);
      const text = `${run.stdout}\n${run.stderr}`;
      expect(text).toMatch(/\[HY-[A-Z]+\]/);
      expect(offending(text).join("\n")).toBe("");
    });

    it("a bad date says so in Chinese", async () => {
      const run = await runMain([daily, "--lang", "zh"]);
      expect(run.stderr).toContain('应为日期，如 2019-01-01、2019/1/1 或 2019年1月1日，实为 "2019-02-30"');
    });

    it("a header of one column holding a pipe, and two columns of one pollutant", async () => {
      const piped = join(dir, "piped.csv");
      writeFileSync(piped, "日期|站点|PM2.5\n2019-01-01|2457A|40\n");
      const one = await runMain([piped, "--lang", "zh"]);
      expect(one.status).toBe(2);
      expect(one.stderr).toContain('已识别：无；表头只有一列，其中含有 "|"：hy-check 按逗号');
      expect(one.stderr).not.toContain("none");
      expect(one.stderr).not.toContain("the header is one column");
      expect(offending(one.stderr).join("\n")).toBe("");
      const twice = join(dir, "twice.csv");
      writeFileSync(twice, `${header},细颗粒物\n2019-01-01,市城区,衡阳化工总厂,40,60,12,28,1.1,60,40\n`);
      const two = await runMain([twice, "--lang", "zh"]);
      expect(two.status).toBe(2);
      expect(two.stderr).toContain("有两列都表示 PM2.5：PM2.5、细颗粒物；");
      expect(offending(two.stderr).join("\n")).toBe("");
      // English as before.
      expect((await runMain([twice])).stderr).toContain("two columns mean PM2.5: PM2.5 and 细颗粒物;");
      expect((await runMain([piped])).stderr).toContain(
        'recognised: none; the header is one column holding "|": hy-check splits fields on a comma',
      );
    });

    it("the JSON keeps the English message", async () => {
      const run = await runMain([daily, "--lang", "zh", "-f", "json"]);
      const report = JSON.parse(run.stdout) as {
        inputs: { rejected: { code: string; message: string }[] }[];
      };
      const rejected = report.inputs[0]!.rejected;
      expect(rejected.find((p) => p.code === "HY-DATE")?.message).toBe(
        'expected a date like 2019-01-01, 2019/1/1 or 2019年1月1日, found "2019-02-30"',
      );
      expect(rejected.find((p) => p.code === "HY-DUP")?.message).toBe(
        `2457A on 2019-01-01 was already read at ${daily}:2`,
      );
    });
  });

  describe("target files, -o, init and draft", () => {
    const plan = join(dir, "plan.txt");
    writeFileSync(plan, "二、目标\n市城区PM2.5年平均浓度控制在43ug/m3以下。\n");
    const target = (id: string, { area = "市城区", op = '"<="' } = {}) => [
      `  - id: ${id}`,
      "    title: { zh: 市城区PM2.5年平均浓度, en: Urban PM2.5 }",
      "    source: { clause: 二, text: 市城区PM2.5年平均浓度控制在43ug/m3以下 }",
      "    metric: { name: air.annual_mean, pollutant: PM2.5 }",
      `    scope: { area: ${area} }`,
      `    op: ${op}`,
      "    value: 43",
      "    unit: ug/m3",
    ];
    /** A small target file: one urban area and the given targets, quoting plan.txt (or `seed`). */
    const targetFile = (name: string, targets: string[], seed = "plan.txt") => {
      const file = join(dir, name);
      writeFileSync(
        file,
        [
          "schemaVersion: 1",
          "plan:",
          "  title: { zh: 测试计划, en: Test plan }",
          "  year: 2019",
          "  issuer: 测试局",
          `  seed: ${seed}`,
          "areas:",
          "  - { id: 市城区, kind: urban, stations: [2457A] }",
          "targets:",
          ...targets,
          "",
        ].join("\n"),
      );
      return file;
    };
    const good = targetFile("good.yaml", target("air.urban.pm25"));

    /** Runs with --lang zh: exit 2, the Chinese words, none of the English sentence, no English word at all. */
    async function saysInChinese(args: string[], chinese: string[], english: string) {
      // init takes no --lang: the locale says Chinese there.
      const run = await runMain(args[0] === "init" ? args : [...args, "--lang", "zh"], {
        LANG: "zh_CN.UTF-8",
      });
      expect(run.status).toBe(2);
      for (const words of chinese) expect(run.stderr).toContain(words);
      expect(run.stderr).not.toContain(english);
      expect(offending(run.stderr).join("\n")).toBe("");
    }

    it("the good file loads (the cases below differ from it in one thing)", async () => {
      expect((await runMain(["targets", "-t", good, "--lang", "zh"])).status).toBe(0);
    });

    it("a duplicate target id", async () => {
      const bad = targetFile("dup-id.yaml", [...target("air.urban.pm25"), ...target("air.urban.pm25")]);
      await saysInChinese(
        ["targets", "-t", bad],
        ["targets[1].id  目标编号 air.urban.pm25 重复  [HY-TARGETS]"],
        "duplicate target id",
      );
    });

    it("an unknown area", async () => {
      const bad = targetFile("area.yaml", target("air.urban.pm25", { area: "雁峰区" }));
      await saysInChinese(["targets", "-t", bad], ["未知区域 雁峰区；区域登记中有：市城区"], "unknown area");
    });

    it("between without two values", async () => {
      const bad = targetFile("between.yaml", target("air.urban.pm25", { op: "between" }));
      await saysInChinese(["targets", "-t", bad], ["`between` 须写成 `value: [下限, 上限]`"], "needs value");
    });

    it("a value of 1e999 (not a finite number)", async () => {
      const lines = target("air.urban.pm25").map((l) => (l === "    value: 43" ? "    value: 1e999" : l));
      const bad = targetFile("infinite.yaml", lines);
      await saysInChinese(
        ["targets", "-t", bad],
        ["Infinity 不是有限数（1e999 这样的值超出双精度浮点数范围）；请写出想表达的数"],
        "is not a finite number",
      );
    });

    it("report --format contradicting the output file's extension", async () => {
      await saysInChinese(
        ["report", "fixtures/hengyang-2019-daily.csv", "-f", "html", "-o", join(dir, "r.md")],
        [`--format html 与输出文件 ${join(dir, "r.md")}（markdown）相矛盾；请去掉其中一个`],
        "contradicts the output file",
      );
    });

    it("a target file over 1 MiB", async () => {
      const big = join(dir, "big.yaml");
      writeFileSync(big, `${readFileSync(good, "utf8")}# ${"x".repeat(1024 * 1024)}\n`);
      const size = 1024 * 1024 + readFileSync(good).length + 3;
      await saysInChinese(
        ["targets", "-t", big],
        [`目标文件超过 1 MiB（${size} 字节）`],
        "the target file is larger",
      );
    });

    it("a plan.seed that does not resolve", async () => {
      const bad = targetFile("no-seed.yaml", target("air.urban.pm25"), "nowhere.txt");
      await saysInChinese(
        ["targets", "-t", bad],
        [`无法读取计划文本 nowhere.txt（查找位置：${join(dir, "nowhere.txt")}）：文件或文件夹不存在；`],
        "cannot read the plan text",
      );
    });

    it("-o naming an input", async () => {
      const data = join(dir, "data.csv");
      writeFileSync(data, readFileSync(DAILY));
      await saysInChinese(
        [data, "-o", data],
        [`输出文件是本次运行的输入（${data}）；写入会覆盖数据`],
        "the output is an input",
      );
      expect(readFileSync(data)).toEqual(readFileSync(DAILY));
    });

    it("-o into a missing folder", async () => {
      const folder = join(dir, "no-such-folder");
      await saysInChinese(
        [DAILY, "-o", join(folder, "out.json")],
        [`无法写入报告：文件夹 ${folder} 不存在；请先创建`],
        "cannot write the report",
      );
    });

    it("init with an unknown name", async () => {
      await saysInChinese(
        ["init", "-t", "nowhere", join(dir, "init")],
        ['没有名为 "nowhere" 的自带目标文件；请从以下选择：', "hengyang-2019"],
        "no shipped target file",
      );
    });

    it("draft of a missing file", async () => {
      await saysInChinese(
        ["draft", join(dir, "nowhere-plan.txt")],
        ["无法读取计划文本：文件或文件夹不存在  [HY-READ]"],
        "cannot read the plan text",
      );
    });

    it("a water target with both baseline spellings (a metric's own check)", async () => {
      const bad = join(dir, "both-baselines.yaml");
      writeFileSync(
        bad,
        readFileSync("targets/hengyang-2019.yaml", "utf8").replace(
          "metric: { name: water.sections_declined, baselineYear: 2018 }",
          "metric: { name: water.sections_declined, baselineYear: 2018, baseline: { year: 2018 } }",
        ),
      );
      await saysInChinese(
        ["targets", "-t", bad],
        ["`baseline: { year }`（或旧写法 `baselineYear`）须给出其一，不能两者都给  [HY-TARGETS]"],
        "not both",
      );
    });

    it("the English message stays as it was", async () => {
      const bad = targetFile("dup-id-en.yaml", [...target("air.urban.pm25"), ...target("air.urban.pm25")]);
      const run = await runMain(["targets", "-t", bad, "--lang", "en"]);
      expect(run.stderr).toContain("targets[1].id  duplicate target id air.urban.pm25  [HY-TARGETS]");
      const draft = await runMain(["draft", join(dir, "nowhere-plan.txt"), "--lang", "en"]);
      expect(draft.stderr).toContain("cannot read the plan text: no such file or folder  [HY-READ]");
    });
  });

  it("a Chinese locale alone is enough, help included", async () => {
    const run = await runMain(["--help"], { LANG: "zh_CN.UTF-8" });
    expect(run.stdout).toContain("用法：");
    expect(offending(run.stdout).join("\n")).toBe("");
  });
});

describe("the word check itself", () => {
  it("finds the mixed lines the issue names and passes names", () => {
    expect(englishWords("结果: pass")).toEqual(["pass"]);
    expect(englishWords("警告 a.csv  2457A: no row for 1 day")).toEqual(["no", "row", "for"]);
    expect(englishWords("air.urban.pm25  --fail-on  [HY-GAP]  fixtures/a.csv  43 ug/m3")).toEqual([]);
  });
});

describe("one error style: `hy-check: <file:line:col>  <message>  [HY-CODE]`", () => {
  it("a usage error, in English and in Chinese", async () => {
    expect((await runMain([DAILY, "--colour"])).stderr).toBe(
      "hy-check: unknown option --colour  [HY-USAGE]\n",
    );
    expect((await runMain([DAILY, "--colour", "--lang", "zh"])).stderr).toBe(
      "hy-check: 未知选项 --colour  [HY-USAGE]\n",
    );
    // The language from the locale when --lang itself is what was mistyped.
    expect((await runMain([DAILY, "--lnag", "zh"], { LANG: "zh_CN.UTF-8" })).stderr).toBe(
      "hy-check: 未知选项 --lnag；是否要用 --lang？  [HY-USAGE]\n",
    );
  });

  it("a problem in a file: where, the message, the code", async () => {
    const bad = join(dir, "syntax.yaml");
    writeFileSync(bad, "plan: [\n");
    const run = await runMain(["targets", "-t", bad]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^hy-check: \S+syntax\.yaml:2:1 {2}YAML syntax: .+ {2}\[HY-YAML\]\n$/);
  });
});
