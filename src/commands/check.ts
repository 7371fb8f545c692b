// `hy-check check` (the default command): the plan's targets against CSV exports, in any output format.
import { Option, type Command } from "commander";
import { z } from "zod";
import { ENCODINGS } from "../data/encoding.js";
import { CAPTURE_MODES } from "../engine/basis.js";
import { HOUR_CONVENTIONS } from "../data/time.js";
import { formatProblem } from "../errors.js";
import { EXIT, FAIL_ON, getExitCode, rejectedRows } from "../exit.js";
import { LANGS, t } from "../i18n.js";
import { FORMAT_NAMES } from "../report/names.js";
import { checkDates, DateOptionsSchema } from "./dates.js";
import { addWindowOptions, planYear, readerOptions, writeOutput, type CommandContext } from "./options.js";

export const CheckOptionsSchema = DateOptionsSchema.extend({
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
  color: z.boolean(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  quiet: z.boolean().optional(),
  sheet: z.string().min(1).optional(),
  capture: z.enum(CAPTURE_MODES),
  all: z.boolean().optional(),
});

export function addCheckCommand(program: Command, { io, options, setExit, lang }: CommandContext): void {
  addWindowOptions(
    program
      .command("check", { isDefault: true })
      .description(t(lang, "help.check"))
      .argument("<csv...>", t(lang, "help.csv"))
      .addOption(options.targets())
      .addOption(
        new Option("-f, --format <format>", t(lang, "help.format")).choices(FORMAT_NAMES).default("table"),
      )
      .addOption(options.lang())
      .addOption(options.encoding())
      .addOption(options.sheet())
      .addOption(new Option("--fail-on <level>", t(lang, "help.failOn")).choices(FAIL_ON).default("fail"))
      .addOption(options.hourConvention())
      .addOption(options.capture())
      .option("--all", t(lang, "help.all"))
      .option("--as-of <date>", t(lang, "help.asOf"))
      .option("--compare-editions", t(lang, "help.compareEditions"))
      .option("--previous <csv...>", t(lang, "help.previous")),
    lang,
  )
    .option("-o, --output <file>", t(lang, "help.output"))
    .option("--no-color", t(lang, "help.noColor"))
    .option("-q, --quiet", t(lang, "help.quiet"))
    .action(async (files: string[], raw: Record<string, unknown>) => {
      const opts = CheckOptionsSchema.parse(raw);
      const dates = await checkDates(opts, opts.lang, () => planYear(opts.targets, opts.year));
      // The engine and the formats load when the command runs: `hy-check --help` needs neither.
      const { check } = await import("../check.js");
      const report = await check(files, {
        ...(opts.year ? { year: opts.year } : {}),
        ...readerOptions(io, opts.quiet),
        ...(opts.sheet ? { sheet: opts.sheet } : {}),
        targets: opts.targets,
        encoding: opts.encoding,
        lang: opts.lang,
        hourConvention: opts.hourConvention,
        capture: opts.capture,
        ...dates,
        ...(opts.previous ? { previous: opts.previous } : {}),
        ...(opts.compareEditions ? { compareEditions: true } : {}),
      });
      const color = opts.color && !opts.output && io.isTTY && !io.env.NO_COLOR;
      const { FORMATTERS, terminalWidth } = await import("../report/index.js");
      const { jsonChunks } = await import("../report/json.js");
      // The table fits the terminal (or COLUMNS, or 100 columns when piped); a file keeps whole lines.
      const width = opts.output
        ? undefined
        : terminalWidth({ isTTY: io.isTTY, ...(io.columns ? { columns: io.columns } : {}), env: io.env });
      // JSON is written in pieces: the report of a national file is 13 MB of text, never held whole.
      const text =
        opts.format === "json"
          ? jsonChunks(report)
          : FORMATTERS[opts.format](report, {
              lang: opts.lang,
              color,
              ...(width !== undefined ? { width } : {}),
              ...(opts.all ? { all: true } : {}),
            });
      if (opts.output)
        await writeOutput(opts.output, text, [...files, opts.targets, ...(opts.previous ?? [])]);
      else for (const piece of typeof text === "string" ? [text] : text) io.stdout(piece);
      const code = getExitCode(report, opts.failOn, opts.maxRejected);
      if (code === EXIT.inputError) {
        // The rows to fix go to stderr in every format, so a CI log shows them next to the exit code.
        const first = report.inputs.flatMap((i) => i.rejected).slice(0, 10);
        const summary = t(opts.lang, "warn.exitRejected", {
          count: rejectedRows(report),
          max: opts.maxRejected,
        });
        io.stderr(`${[...first.map((p) => formatProblem(p, opts.lang)), summary].join("\n")}\n`);
      }
      setExit(code);
    });
}
