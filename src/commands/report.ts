// `hy-check report`: the year-end report (HTML or Markdown) with summary, targets, charts and data basis.
import { extname } from "node:path";
import { YEAR_END_FORMAT_NAMES, type YearEndFormatName } from "../report/names.js";
import { Option, type Command } from "commander";
import { z } from "zod";
import { EXIT, FAIL_ON, getExitCode, rejectedRows } from "../exit.js";
import { t, type Lang } from "../i18n.js";
import { CheckOptionsSchema } from "./check.js";
import { checkDates } from "./dates.js";
import { addWindowOptions, planYear, usageError, writeOutputs, type CommandContext } from "./options.js";

export const ReportOptionsSchema = CheckOptionsSchema.pick({
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
  capture: true,
}).extend({ format: z.enum(YEAR_END_FORMAT_NAMES) });

export function addReportCommand(program: Command, { io, options, setExit, lang }: CommandContext): void {
  addWindowOptions(
    program
      .command("report")
      .description(t(lang, "help.report"))
      .argument("<csv...>", t(lang, "help.csv"))
      .addOption(options.targets())
      .addOption(
        new Option("-f, --format <format>", t(lang, "help.format"))
          .choices(YEAR_END_FORMAT_NAMES)
          .default("html"),
      )
      .addOption(options.lang())
      .addOption(options.encoding())
      .addOption(options.sheet())
      .addOption(options.hourConvention())
      .addOption(options.capture())
      .addOption(
        // A report is a document, not a gate: by default it exits 0 whatever the targets say.
        new Option("--fail-on <level>", t(lang, "help.failOn")).choices(FAIL_ON).default("never"),
      )
      .option("--as-of <date>", t(lang, "help.reportAsOf")),
    lang,
  )
    .option("-o, --output <file>", t(lang, "help.reportOutput"))
    .action(async (files: string[], raw: Record<string, unknown>, command: Command) => {
      const parsed = ReportOptionsSchema.parse(raw);
      const opts = {
        ...parsed,
        format: formatFor(
          parsed.output,
          parsed.format,
          command.getOptionValueSource("format") !== "default",
          parsed.lang,
        ),
      };
      const dates = await checkDates(opts, opts.lang, () => planYear(opts.targets, opts.year));
      // Loaded on use: ECharts and the report's layout stay out of every other command's start-up.
      const { makeYearEndReport } = await import("../report/year-end-output.js");
      const made = await makeYearEndReport(files, {
        targets: opts.targets,
        encoding: opts.encoding,
        lang: opts.lang,
        hourConvention: opts.hourConvention,
        capture: opts.capture,
        format: opts.format,
        ...(opts.year ? { year: opts.year } : {}),
        ...(opts.sheet ? { sheet: opts.sheet } : {}),
        ...(opts.output ? { output: opts.output } : {}),
        ...dates,
      });
      await writeOutputs(made.files, [...files, opts.targets]);
      if (made.stdout !== undefined) io.stdout(made.stdout);
      const code = getExitCode(made.report, opts.failOn, opts.maxRejected);
      if (code === EXIT.inputError)
        io.stderr(
          `${t(opts.lang, "warn.exitRejected", { count: rejectedRows(made.report), max: opts.maxRejected })}\n`,
        );
      setExit(code);
    });
}

/** The format an -o file's extension names (`.md`, `.markdown`, `.html`, `.htm`), if any. */
const FORMAT_OF_EXTENSION: Readonly<Record<string, YearEndFormatName>> = {
  ".md": "markdown",
  ".markdown": "markdown",
  ".html": "html",
  ".htm": "html",
};

/**
 * The report's format: the one -f names, else the one the -o file's extension names (`-o x.md` is
 * Markdown), else HTML. An -f that contradicts the extension is a usage error, not a file misnamed.
 */
export function formatFor(
  output: string | undefined,
  format: YearEndFormatName,
  formatGiven: boolean,
  lang: Lang = "en",
): YearEndFormatName {
  const named = output === undefined ? undefined : FORMAT_OF_EXTENSION[extname(output).toLowerCase()];
  if (named === undefined) return format;
  if (!formatGiven) return named;
  if (named !== format)
    throw usageError(t(lang, "usage.formatContradicts", { format, output: output ?? "", named }));
  return format;
}
