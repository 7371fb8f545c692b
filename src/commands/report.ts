// `hy-check report`: the year-end report (HTML or Markdown) with summary, targets, charts and data basis.
import { YEAR_END_FORMAT_NAMES } from "../report/names.js";
import { Option, type Command } from "commander";
import { z } from "zod";
import { EXIT, FAIL_ON, getExitCode, rejectedRows } from "../exit.js";
import { t } from "../i18n.js";
import { CheckOptionsSchema } from "./check.js";
import { checkDates } from "./dates.js";
import { addWindowOptions, planYear, writeOutput, type CommandContext } from "./options.js";

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
      .addOption(options.hourConvention())
      .addOption(
        // A report is a document, not a gate: by default it exits 0 whatever the targets say.
        new Option("--fail-on <level>", t(lang, "help.failOn")).choices(FAIL_ON).default("never"),
      )
      .option("--as-of <date>", t(lang, "help.reportAsOf")),
    lang,
  )
    .option("-o, --output <file>", t(lang, "help.reportOutput"))
    .action(async (files: string[], raw: Record<string, unknown>) => {
      const opts = ReportOptionsSchema.parse(raw);
      const dates = await checkDates(opts, opts.lang, () => planYear(opts.targets, opts.year));
      // Loaded on use: ECharts and the report's layout stay out of every other command's start-up.
      const { makeYearEndReport } = await import("../report/year-end-output.js");
      const made = await makeYearEndReport(files, {
        targets: opts.targets,
        encoding: opts.encoding,
        lang: opts.lang,
        hourConvention: opts.hourConvention,
        format: opts.format,
        ...(opts.year ? { year: opts.year } : {}),
        ...(opts.output ? { output: opts.output } : {}),
        ...dates,
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
}
