// `hy-check validate`: data-quality findings on CSV exports, without evaluating the targets.
import { Option, type Command } from "commander";
import { z } from "zod";
import { ENCODINGS } from "../data/encoding.js";
import { HOUR_CONVENTIONS } from "../data/time.js";
import { parseDate } from "../data/values.js";
import { LANGS, t } from "../i18n.js";
import { VALIDATE_FORMAT_NAMES } from "../report/names.js";
import { writeOutput, type CommandContext } from "./options.js";

const isoDate = (example: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `expected a date like ${example}`)
    .refine((d) => parseDate(d) === d, "not a calendar date");

export const ValidateOptionsSchema = z.object({
  targets: z.string().min(1),
  format: z.enum(VALIDATE_FORMAT_NAMES),
  lang: z.enum(LANGS),
  encoding: z.enum(ENCODINGS),
  hourConvention: z.enum(HOUR_CONVENTIONS),
  from: isoDate("2019-01-01").optional(),
  to: isoDate("2019-06-30").optional(),
  maxWarnings: z.coerce.number().int().min(0).optional(),
  output: z.string().min(1).optional(),
  sheet: z.string().min(1).optional(),
});

export function addValidateCommand(program: Command, { io, options, setExit, lang }: CommandContext): void {
  program
    .command("validate")
    .description(t(lang, "help.validate"))
    .argument("<csv...>", t(lang, "help.csv"))
    .addOption(options.targets())
    .addOption(
      new Option("-f, --format <format>", t(lang, "help.format"))
        .choices(VALIDATE_FORMAT_NAMES)
        .default("text"),
    )
    .addOption(options.lang())
    .addOption(options.encoding())
    .addOption(options.sheet())
    .addOption(options.hourConvention())
    .option("--from <date>", t(lang, "help.validateFrom"))
    .option("--to <date>", t(lang, "help.validateTo"))
    .option("--max-warnings <n>", t(lang, "help.maxWarnings"))
    .option("-o, --output <file>", t(lang, "help.output"))
    .action(async (files: string[], raw: Record<string, unknown>) => {
      const opts = ValidateOptionsSchema.parse(raw);
      const { validate, validateExitCode, validateExitMessage } = await import("../validate.js");
      const { VALIDATE_FORMATTERS } = await import("../validate/format.js");
      const report = await validate(files, {
        targets: opts.targets,
        encoding: opts.encoding,
        hourConvention: opts.hourConvention,
        ...(opts.from ? { from: opts.from } : {}),
        ...(opts.to ? { to: opts.to } : {}),
        ...(opts.sheet ? { sheet: opts.sheet } : {}),
      });
      const text = VALIDATE_FORMATTERS[opts.format](report, opts.lang);
      if (opts.output) await writeOutput(opts.output, text, [...files, opts.targets]);
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
}
