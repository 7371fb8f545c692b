// `hy-check explain <id> [csv...]`: one target's plan sentence, rule and method, and with data its figures.
import type { Command } from "commander";
import { z } from "zod";
import { ENCODINGS } from "../data/encoding.js";
import { CAPTURE_MODES } from "../engine/basis.js";
import { InputError, keyedProblem } from "../errors.js";
import { LANGS, t } from "../i18n.js";
import { checkDates } from "./dates.js";
import type { CommandContext } from "./options.js";

export const ExplainOptionsSchema = z.object({
  targets: z.string().min(1),
  lang: z.enum(LANGS),
  asOf: z.string().optional(),
  encoding: z.enum(ENCODINGS),
  capture: z.enum(CAPTURE_MODES),
});

export function addExplainCommand(program: Command, { io, options, lang }: CommandContext): void {
  program
    .command("explain")
    .description(t(lang, "help.explain"))
    .argument("<id>", t(lang, "help.explainId"))
    .argument("[csv...]", t(lang, "help.explainCsv"))
    .addOption(options.targets())
    .addOption(options.lang())
    .option("--as-of <date>", t(lang, "help.explainAsOf"))
    .addOption(options.encoding())
    .addOption(options.capture())
    .action(async (id: string, files: string[], raw: Record<string, unknown>) => {
      const opts = ExplainOptionsSchema.parse(raw);
      const { loadTargetFile } = await import("../targets/load.js");
      const { targets: plan } = await loadTargetFile(opts.targets);
      const dates = await checkDates({ asOf: opts.asOf }, opts.lang, async () => plan.plan.year);
      const target = plan.targets.find((x) => x.id === id);
      if (!target)
        throw new InputError([
          keyedProblem({ file: opts.targets, code: "HY-TARGETS" }, "error.noTarget", { id }),
        ]);
      const report =
        files.length > 0
          ? await (
              await import("../engine/check.js")
            ).check(files, {
              targets: opts.targets,
              lang: opts.lang,
              encoding: opts.encoding,
              capture: opts.capture,
              ...dates,
            })
          : undefined;
      const { explainText } = await import("../report/explain.js");
      io.stdout(explainText(target, plan, opts.lang, report));
    });
}
