// The commander program: parses flags, calls the engine, picks a formatter, returns the exit code.
import { writeFile } from "node:fs/promises";
import { Command, CommanderError, Option } from "commander";
import { z } from "zod";
import { ENCODINGS } from "./data/encoding.js";
import { HOUR_CONVENTIONS } from "./data/time.js";
import { parseDate } from "./data/values.js";
import type { CheckOptions } from "./engine/check.js";
import { terminalProgress } from "./data/progress.js";
import { formatProblem, InputError, inputError } from "./errors.js";
import { describeFsError } from "./data/csv.js";
import { EXIT, FAIL_ON, getExitCode, rejectedRows } from "./exit.js";
import { langFromEnv, LANGS, t, type Lang } from "./i18n.js";
import { DEFAULT_TARGETS_FILE } from "./paths.js";
import { FORMAT_NAMES } from "./report/names.js";
import { VERSION } from "./version.js";

// The engine, the formats and each command's helpers load when a command runs, not at startup: the
// target-file schema and YAML parser alone take about 100 ms to load (`hy-check --version` needs none).
const engine = () => import("./engine/check.js");
const targetFiles = () => import("./targets/load.js");

/** Exit code for a bug in hy-check itself (never for bad input). */
const INTERNAL_ERROR = 3;

const CheckOptionsSchema = z.object({
  targets: z.string().min(1),
  format: z.enum(FORMAT_NAMES),
  lang: z.enum(LANGS),
  encoding: z.enum(ENCODINGS),
  failOn: z.enum(FAIL_ON),
  maxRejected: z.coerce.number().int().min(0),
  output: z.string().min(1).optional(),
  hourConvention: z.enum(HOUR_CONVENTIONS),
  previous: z.array(z.string().min(1)).optional(),
  compareEditions: z.boolean().optional(),
  period: z
    .string()
    .regex(/^\d{4}-\d{2}$/, "expected a month like 2019-04")
    .optional(),
  from: z
    .string()
    .refine((d) => parseDate(d) === d, "expected a date like 2019-04-01")
    .optional(),
  to: z
    .string()
    .refine((d) => parseDate(d) === d, "expected a date like 2019-04-30")
    .optional(),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date like 2019-12-31")
    .refine((d) => parseDate(d) === d, "not a calendar date")
    .optional(),
  color: z.boolean(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  quiet: z.boolean().optional(),
  sheet: z.string().min(1).optional(),
});

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  /** stderr is a terminal: a progress line may be drawn there. */
  stderrIsTTY?: boolean;
}

/**
 * The reader and the progress line: HY_READER=plain reads with csv-parse only (to compare with the fast
 * reader); the progress line needs stderr to be a terminal, and --quiet silences it.
 */
function readerOptions(io: Io, quiet: boolean | undefined): Pick<CheckOptions, "reader" | "progress"> {
  const reader = io.env.HY_READER === "plain" ? "plain" : "fast";
  return { reader, ...(io.stderrIsTTY && !quiet ? { progress: terminalProgress(io.stderr) } : {}) };
}

/** --period 2019-04 or --from/--to as a window; usage errors say which flag is wrong. */
function windowOption(opts: {
  period?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}): { window?: { from: string; to: string } } {
  if (opts.period) {
    if (opts.from || opts.to) throw usageError("--period cannot be combined with --from/--to");
    const [y, m] = opts.period.split("-").map(Number);
    const last = new Date(Date.UTC(y ?? 0, m ?? 0, 0)).getUTCDate();
    return { window: { from: `${opts.period}-01`, to: `${opts.period}-${String(last).padStart(2, "0")}` } };
  }
  if (!opts.from && !opts.to) return {};
  if (!opts.from || !opts.to) throw usageError("--from and --to go together");
  if (opts.from > opts.to) throw usageError(`--from ${opts.from} is after --to ${opts.to}`);
  if (opts.from.slice(0, 4) !== opts.to.slice(0, 4))
    throw usageError("--from and --to must be in the same year");
  return { window: { from: opts.from, to: opts.to } };
}

function usageError(message: string): InputError {
  return inputError({ file: "hy-check", code: "HY-USAGE", message });
}

async function writeOutput(file: string, text: string): Promise<void> {
  try {
    await writeFile(file, text);
  } catch (e) {
    throw inputError({ file, code: "HY-WRITE", message: `cannot write the report: ${describeFsError(e)}` });
  }
}

function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command("hy-check")
    .description("Check monitoring data against the targets of an environmental work plan")
    .version(VERSION, "-V, --version")
    .option("--debug", "show stack traces of internal errors")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  const langOption = () =>
    new Option("--lang <lang>", "output language")
      .choices(LANGS)
      .default(langFromEnv(io.env), "from the locale");
  // Options shared by check, validate and explain: one definition each.
  const encodingOption = () =>
    new Option("--encoding <encoding>", "text encoding of the CSV files").choices(ENCODINGS).default("auto");
  const hourConventionOption = () =>
    new Option(
      "--hour-convention <convention>",
      "hourly labels: ending (h = (h-1):00-h:00, CNEMC) or beginning",
    )
      .choices(HOUR_CONVENTIONS)
      .default("ending");
  const targetsOption = () =>
    new Option("-t, --targets <file>", "target file (YAML)").default(
      DEFAULT_TARGETS_FILE,
      "the Hengyang 2019 plan",
    );

  program
    .command("check", { isDefault: true })
    .description("evaluate the plan's targets against CSV exports")
    .argument("<csv...>", "CSV files of monitoring data")
    .addOption(targetsOption())
    .addOption(new Option("-f, --format <format>", "output format").choices(FORMAT_NAMES).default("table"))
    .addOption(langOption())
    .addOption(encodingOption())
    .addOption(
      new Option("--fail-on <level>", "lowest status that makes the run fail (exit 1)")
        .choices(FAIL_ON)
        .default("fail"),
    )
    .addOption(hourConventionOption())
    .option(
      "--as-of <date>",
      "the date the evaluation stands at: the year so far, projected to its end; milestones and ledger figures at that date",
    )
    .option(
      "--compare-editions",
      "also show the air data under both AQI editions (HJ 633-2012 and HJ 633-2026)",
    )
    .option("--previous <csv...>", "last month's drop: report the values this drop revised")
    .option("--period <month>", "evaluate the air targets on one month, e.g. 2019-04")
    .option("--from <date>", "evaluate the air targets from this date (with --to)")
    .option("--to <date>", "evaluate the air targets up to this date (with --from)")
    .option("--max-rejected <n>", "rejected rows tolerated before exit code 2", "0")
    .option(
      "--year <year>",
      "evaluate this calendar year instead of the target file's plan year (for standard target files such as gb3095-2012-class2.yaml)",
    )
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .option("--no-color", "plain text output (also when NO_COLOR is set)")
    .option("-q, --quiet", "no progress line on stderr for large inputs")
    .option("--sheet <name|n>", "the worksheet of .xlsx/.xls inputs (default: the first with a header)")
    .action(async (files: string[], raw: Record<string, unknown>) => {
      const opts = CheckOptionsSchema.parse(raw);
      const { check } = await engine();
      const report = await check(files, {
        ...(opts.sheet ? { sheet: opts.sheet } : {}),
        ...(opts.year ? { year: opts.year } : {}),
        ...readerOptions(io, opts.quiet),
        targets: opts.targets,
        encoding: opts.encoding,
        lang: opts.lang,
        hourConvention: opts.hourConvention,
        ...(opts.asOf ? { asOf: opts.asOf } : {}),
        ...windowOption(opts),
        ...(opts.previous ? { previous: opts.previous } : {}),
        ...(opts.compareEditions ? { compareEditions: true } : {}),
      });
      const color = opts.color && !opts.output && io.isTTY && !io.env.NO_COLOR;
      const { FORMATTERS } = await import("./report/index.js");
      const text = FORMATTERS[opts.format](report, { lang: opts.lang, color });
      if (opts.output) await writeOutput(opts.output, text);
      else io.stdout(text);
      const code = getExitCode(report, opts.failOn, opts.maxRejected);
      if (code === EXIT.inputError) {
        // The rows to fix go to stderr in every format, so a CI log shows them next to the exit code.
        const first = report.inputs.flatMap((i) => i.rejected).slice(0, 10);
        const summary = t(opts.lang, "warn.exitRejected", {
          count: rejectedRows(report),
          max: opts.maxRejected,
        });
        io.stderr(`${[...first.map(formatProblem), summary].join("\n")}\n`);
      }
      setExit(code);
    });

  program
    .command("validate")
    .description("data-quality checks on CSV exports, without target evaluation (errors exit 2)")
    .argument("<csv...>", "CSV files of monitoring data")
    .addOption(targetsOption())
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .addOption(langOption())
    .addOption(encodingOption())
    .addOption(hourConventionOption())
    .option("--from <date>", "first day of the declared period (default: 1 January of the plan year)")
    .option("--to <date>", "last day of the declared period (default: 31 December of the plan year)")
    .option("--max-warnings <n>", "warnings tolerated before exit code 1 (default: no limit)")
    .option("--sheet <name|n>", "the worksheet of .xlsx/.xls inputs (default: the first with a header)")
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .action(async (files: string[], raw: Record<string, unknown>) => {
      const {
        validate,
        ValidateCliOptionsSchema,
        validateExitCode,
        validateExitMessage,
        validateJson,
        validateText,
      } = await import("./validate.js");
      const opts = ValidateCliOptionsSchema.parse(raw);
      const report = await validate(files, {
        targets: opts.targets,
        encoding: opts.encoding,
        hourConvention: opts.hourConvention,
        ...(opts.from ? { from: opts.from } : {}),
        ...(opts.to ? { to: opts.to } : {}),
        ...(opts.sheet ? { sheet: opts.sheet } : {}),
      });
      const text = opts.format === "json" ? validateJson(report) : validateText(report, opts.lang);
      if (opts.output) await writeOutput(opts.output, text);
      else io.stdout(text);
      const code = validateExitCode(report, opts.maxWarnings);
      const listErrors = opts.format !== "text" || opts.output !== undefined;
      const message = validateExitMessage(report, code, {
        lang: opts.lang,
        listErrors,
        ...(opts.maxWarnings !== undefined ? { maxWarnings: opts.maxWarnings } : {}),
      });
      if (message) io.stderr(message);
      setExit(code);
    });

  program
    .command("targets")
    .description("list the targets of a target file with the plan clause each comes from")
    .addOption(targetsOption())
    .addOption(langOption())
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(["text", "markdown", "json"])
        .default("text"),
    )
    .action(async (raw: { targets: string; lang: Lang; format: "text" | "markdown" | "json" }) => {
      const { loadTargetFile } = await targetFiles();
      const { dataNeeded, ruleText, targetsMarkdown } = await import("./targets/describe.js");
      const { targets: plan } = await loadTargetFile(raw.targets);
      if (raw.format === "markdown") return io.stdout(targetsMarkdown(plan, raw.lang));
      if (raw.format === "json") {
        const list = plan.targets.map((target) => ({
          id: target.id,
          title: target.title[raw.lang],
          clause: target.source.clause,
          quote: target.source.text,
          rule: ruleText(target, raw.lang),
          data: dataNeeded(target, plan, raw.lang),
          manual: target.metric.name === "manual",
          informational: target.informational,
        }));
        return io.stdout(`${JSON.stringify(list, null, 2)}\n`);
      }
      const lines = [t(raw.lang, "targets.header", { count: plan.targets.length, file: raw.targets })];
      for (const target of plan.targets) {
        const title = target.informational
          ? t(raw.lang, "status.informational", { status: target.title[raw.lang] })
          : target.title[raw.lang];
        const source = target.source.document
          ? `${target.source.document} ${target.source.clause}`
          : target.source.clause;
        lines.push(`${target.id}\t${title}\t${ruleText(target, raw.lang)}\t${source}\t${target.source.text}`);
      }
      io.stdout(`${lines.join("\n")}\n`);
    });

  program
    .command("explain")
    .description(
      "show one target: the plan sentence, the rule, the method and, with data, the figures behind the result",
    )
    .argument("<id>", "target id, e.g. air.urban.pm25")
    .argument("[csv...]", "data files to evaluate it on")
    .addOption(targetsOption())
    .addOption(langOption())
    .option("--as-of <date>", "the date the evaluation stands at")
    .addOption(encodingOption())
    .action(
      async (
        id: string,
        files: string[],
        raw: { targets: string; lang: Lang; asOf?: string; encoding: (typeof ENCODINGS)[number] },
      ) => {
        const { loadTargetFile } = await targetFiles();
        const { targets: plan } = await loadTargetFile(raw.targets);
        const target = plan.targets.find((x) => x.id === id);
        if (!target)
          throw inputError({
            file: raw.targets,
            code: "HY-TARGETS",
            message: `no target ${id}; \`hy-check targets\` lists them`,
          });
        const report =
          files.length > 0
            ? await (
                await engine()
              ).check(files, {
                targets: raw.targets,
                lang: raw.lang,
                encoding: raw.encoding,
                ...(raw.asOf ? { asOf: raw.asOf } : {}),
              })
            : undefined;
        const { explainText } = await import("./report/explain.js");
        io.stdout(explainText(target, plan, raw.lang, report));
      },
    );

  program
    .command("report")
    .description(
      "the year-end report: summary, every target with its plan sentence, charts, data basis (HTML or Markdown)",
    )
    .argument("<csv...>", "CSV files of monitoring data")
    .addOption(targetsOption())
    .addOption(
      new Option("-f, --format <format>", "report format").choices(["html", "markdown"]).default("html"),
    )
    .addOption(langOption())
    .addOption(encodingOption())
    .addOption(hourConventionOption())
    .addOption(
      // A report is a document, not a gate: by default it exits 0 whatever the targets say.
      new Option("--fail-on <level>", "lowest status that makes the run fail (exit 1)")
        .choices(FAIL_ON)
        .default("never"),
    )
    .option("--as-of <date>", "the date the evaluation stands at: the year so far, projected to its end")
    .option("--period <month>", "report the air targets on one month, e.g. 2019-04")
    .option("--from <date>", "report the air targets from this date (with --to)")
    .option("--to <date>", "report the air targets up to this date (with --from)")
    .option("--max-rejected <n>", "rejected rows tolerated before exit code 2", "0")
    .option("--year <year>", "report on this calendar year instead of the target file's plan year")
    .option("--sheet <name|n>", "the worksheet of .xlsx/.xls inputs (default: the first with a header)")
    .option(
      "-o, --output <file>",
      "write the report to a file (Markdown: its charts go next to it as SVG files)",
    )
    .action(async (files: string[], raw: Record<string, unknown>) => {
      const opts = CheckOptionsSchema.pick({
        targets: true,
        lang: true,
        encoding: true,
        failOn: true,
        maxRejected: true,
        output: true,
        hourConvention: true,
        period: true,
        from: true,
        to: true,
        asOf: true,
        year: true,
        sheet: true,
      })
        .extend({ format: z.enum(["html", "markdown"]) })
        .parse(raw);
      // Loaded on use: ECharts and the report's layout stay out of every other command's start-up.
      const { makeYearEndReport } = await import("./report/year-end-output.js");
      const made = await makeYearEndReport(files, {
        targets: opts.targets,
        encoding: opts.encoding,
        lang: opts.lang,
        hourConvention: opts.hourConvention,
        format: opts.format,
        ...(opts.year ? { year: opts.year } : {}),
        ...(opts.sheet ? { sheet: opts.sheet } : {}),
        ...(opts.output ? { output: opts.output } : {}),
        ...(opts.asOf ? { asOf: opts.asOf } : {}),
        ...windowOption(opts),
      });
      for (const file of made.files) await writeOutput(file.path, file.text);
      if (made.stdout !== undefined) io.stdout(made.stdout);
      const code = getExitCode(made.report, opts.failOn, opts.maxRejected);
      if (code === EXIT.inputError)
        io.stderr(
          `${t(opts.lang, "warn.exitRejected", { count: rejectedRows(made.report), max: opts.maxRejected })}\n`,
        );
      setExit(code);
    });

  program
    .command("init")
    .description("copy a shipped target file, with the plan text it quotes, into a folder to edit")
    .argument("[dir]", "folder to copy into", ".")
    .option("-t, --targets <name>", "shipped target file (hy-check init --list names them)", "hengyang-2019")
    .option("--list", "list the shipped target files")
    .action(async (dir: string, raw: { targets: string; list?: boolean }) => {
      const { initTargets, shippedTargetNames } = await import("./commands/init.js");
      if (raw.list) return io.stdout(`${(await shippedTargetNames()).join("\n")}\n`);
      const written = await initTargets(raw.targets, dir);
      const lang = langFromEnv(io.env);
      const lines = written.map((file) => t(lang, "init.wrote", { file }));
      io.stdout(`${[...lines, t(lang, "init.next", { file: written[0] ?? "" })].join("\n")}\n`);
    });

  program
    .command("schema")
    .description("print the JSON Schema of the target-file format")
    .action(async () => {
      const { targetFileJsonSchema } = await import("./targets/schema.js");
      io.stdout(`${JSON.stringify(targetFileJsonSchema(), null, 2)}\n`);
    });

  return program;
}

/** Runs the CLI on argv (without node and script) and resolves to the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => (exitCode = code));
  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return e.exitCode === 0 ? EXIT.ok : EXIT.inputError;
    }
    if (e instanceof InputError) {
      io.stderr(`${e.problems.map(formatProblem).join("\n")}\n`);
      return EXIT.inputError;
    }
    if (e instanceof z.ZodError) {
      io.stderr(
        `${e.issues.map((i) => `hy-check: option --${i.path.join(".").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${i.message}`).join("\n")}\n`,
      );
      return EXIT.inputError;
    }
    const debug = argv.includes("--debug");
    io.stderr(
      `hy-check: internal error: ${e instanceof Error ? e.message : String(e)}${debug ? "" : " (run with --debug for details)"}\n`,
    );
    if (debug && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return INTERNAL_ERROR;
  }
}
