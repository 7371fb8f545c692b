// `hy-check explain <id> [csv...]`: one target's plan sentence, rule and method, and with data its figures.
import type { Command } from "commander";
import { InputError, keyedProblem } from "../errors.js";
import { t } from "../i18n.js";
import { CheckOptionsSchema } from "./check.js";
import { checkDates } from "./dates.js";
import type { CommandContext } from "./options.js";

// The data options are check's: the figures explain shows are the ones check computes.
export const ExplainOptionsSchema = CheckOptionsSchema.pick({
  targets: true,
  lang: true,
  asOf: true,
  encoding: true,
  capture: true,
  sheet: true,
  hourConvention: true,
  year: true,
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
    .addOption(options.sheet())
    .addOption(options.hourConvention())
    .option("--year <year>", t(lang, "help.year"))
    .addOption(options.capture())
    .action(async (id: string, files: string[], raw: Record<string, unknown>) => {
      const opts = ExplainOptionsSchema.parse(raw);
      const { loadTargetFile } = await import("../targets/load.js");
      const { targets: plan } = await loadTargetFile(opts.targets);
      const dates = await checkDates({ asOf: opts.asOf }, opts.lang, async () => opts.year ?? plan.plan.year);
      const target = plan.targets.find((x) => x.id === id);
      if (!target)
        throw new InputError([
          keyedProblem({ file: opts.targets, code: "HY-TARGETS" }, "error.noTarget", { id }),
        ]);
      const report =
        files.length > 0
          ? await (
              await import("../check.js")
            ).check(files, {
              targets: opts.targets,
              lang: opts.lang,
              encoding: opts.encoding,
              capture: opts.capture,
              hourConvention: opts.hourConvention,
              ...(opts.sheet ? { sheet: opts.sheet } : {}),
              ...(opts.year ? { year: opts.year } : {}),
              ...dates,
            })
          : undefined;
      const { explainText } = await import("../report/explain.js");
      io.stdout(explainText(target, plan, opts.lang, report));
    });
}
