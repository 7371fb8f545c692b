// The documentation says what the tool does today: README stays a front page; every command shown in README
// and docs/ runs (with the exit code shown); every output shown is what the tool prints (or is marked as
// trimmed: its lines appear in the output, in order); docs/errors.md lists exactly the codes src/ uses;
// docs/targets.md names every key of the target-file schema and every metric.
//
// A shell block (```sh or ```console) is read like a terminal: a line `$ hy-check ...` is a command, the lines
// after it up to the next `$` its output. The block's info string may add `exit=N` (the exit code of its
// commands, default 0), `trimmed` (the output shown is a part of the output) or `norun` (placeholder paths:
// not run). Other `hy-check ...` lines in shell blocks must run without a usage or input error.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { METRICS } from "../src/metrics/index.js";
import { schemaKeysAt } from "../src/targets/parse.js";
import { targetFileJsonSchema } from "../src/targets/schema.js";
import { ROOT, runCli } from "./helpers/run-cli.js";

const DOCS = readdirSync(join(ROOT, "docs"))
  .filter((f) => f.endsWith(".md"))
  .map((f) => `docs/${f}`);
const FILES = ["README.md", ...DOCS];
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

interface Example {
  file: string;
  line: number;
  args: string[];
  exit: number | null;
  output: string[];
  trimmed: boolean;
}

/** `a "b c" d` as argv, quotes removed. */
function argv(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** The hy-check commands of a Markdown file's shell blocks, with what the block says they print. */
function examples(file: string): Example[] {
  const lines = read(file).split("\n");
  const out: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    // Shell blocks, and plain blocks (their `$ hy-check` lines only); not YAML, TypeScript, JSON.
    const fence = /^```(sh|console)?(\s.*)?$/.exec(lines[i]!);
    if (!fence) continue;
    const plain = fence[1] === undefined;
    const info = fence[2] ?? "";
    let end = i + 1;
    while (end < lines.length && !lines[end]!.startsWith("```")) end++;
    if (!/\bnorun\b/.test(info)) {
      const exit = Number(/\bexit=(\d)/.exec(info)?.[1] ?? 0);
      const trimmed = /\btrimmed\b/.test(info);
      let current: Example | undefined;
      for (let j = i + 1; j < end; j++) {
        const text = lines[j]!;
        const prompt = /^\$ (?:npx )?hy-check(?: (.*))?$/.exec(text);
        const bare = /^(?:npx )?hy-check (.*?)(?:\s+#.*)?$/.exec(text);
        if (prompt) {
          current = { file, line: j + 1, args: argv(prompt[1] ?? ""), exit, output: [], trimmed };
          out.push(current);
        } else if (text.startsWith("$ ")) current = undefined;
        else if (bare && !current && !plain)
          out.push({ file, line: j + 1, args: argv(bare[1]!), exit: null, output: [], trimmed });
        else if (current) current.output.push(text);
      }
    }
    i = end;
  }
  return out;
}

const ALL = FILES.flatMap(examples);

function shown(output: string[]): string[] {
  const lines = [...output];
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === "") lines.pop();
  return lines.map((l) => l.trimEnd());
}

describe("README is a front page", () => {
  const readme = read("README.md");
  it("is under 20 KB and about 150 lines", () => {
    expect(Buffer.byteLength(readme)).toBeLessThan(20_000);
    expect(readme.split("\n").length).toBeLessThan(200);
  });

  it("keeps the Quick start's two commands", () => {
    expect(readme).toContain(
      "```sh\nnpm install && npx hy-check fixtures/hengyang-2019-daily.csv\nnpm test\n```",
    );
  });

  it("links every file of docs/", () => {
    for (const doc of DOCS) expect(readme).toContain(`(${doc})`);
  });
});

describe("every command shown runs, and prints what is shown", () => {
  it("finds the examples", () => {
    expect(ALL.filter((e) => e.file === "README.md").length).toBeGreaterThanOrEqual(5);
  });

  it.each(ALL.map((e) => [`${e.file}:${e.line} hy-check ${e.args.join(" ")}`, e] as const))(
    "%s",
    (_name, e) => {
      // The real data live beside the repository (../shared), not in it: without them the example is skipped.
      const missing = e.args.find((a) => a.startsWith("../shared/") && !existsSync(join(ROOT, a)));
      if (missing) {
        console.warn(`${e.file}:${e.line}: skipped, ${missing} is absent`);
        return;
      }
      const run = runCli(e.args, { COLUMNS: "100" });
      const printed = `${run.stdout}${run.stderr}`.split("\n").map((l) => l.trimEnd());
      if (e.exit === null) {
        expect([0, 1], run.stderr).toContain(run.status);
        return;
      }
      expect(run.status, run.stderr).toBe(e.exit);
      const expected = shown(e.output);
      if (expected.length === 0) return;
      if (!e.trimmed) {
        expect(shown(printed)).toEqual(expected);
        return;
      }
      // Trimmed: each line shown (but `...`) is printed, in the order shown.
      let at = 0;
      for (const line of expected) {
        if (line.trim() === "..." || line.trim() === "…") continue;
        const found = printed.indexOf(line, at);
        expect(found, `not printed (after line ${at}): ${line}`).toBeGreaterThanOrEqual(0);
        at = found + 1;
      }
    },
  );
});

describe("docs/errors.md and the codes of src/", () => {
  it("lists every HY- code the code uses, and no other", () => {
    const used = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
        const path = `${dir}/${entry.name}`;
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts"))
          for (const m of read(path).matchAll(/"(HY-[A-Z0-9-]+)"/g)) used.add(m[1]!);
      }
    };
    walk("src");
    const listed = new Set([...read("docs/errors.md").matchAll(/^\| (HY-[A-Z0-9-]+) /gm)].map((m) => m[1]!));
    expect(used.size).toBeGreaterThan(20);
    expect([...listed].sort()).toEqual([...used].sort());
  });
});

describe("docs/targets.md and the target-file schema", () => {
  const doc = read("docs/targets.md");
  const schema = targetFileJsonSchema();
  it("names every key of the plan, an area, an indicator and a target", () => {
    for (const path of [[], ["plan"], ["areas", 0], ["indicators", 0], ["targets", 0]])
      for (const key of schemaKeysAt(schema, path))
        expect(doc, `key ${path.join(".")}.${key}`).toContain(`\`${key}\``);
  });

  it("names every metric, and no metric the registry lacks", () => {
    const names = METRICS.map((m) => m.name);
    for (const name of names) expect(doc).toContain(`\`${name}\``);
    for (const m of doc.matchAll(/`((?:air|water|ledger)\.[a-z_]+)`/g))
      expect(names as readonly string[], `targets.md names ${m[1]}`).toContain(m[1]);
  });
});
