// `hy-check targets`: the targets of a target file, each with the plan clause it comes from.
import { Option, type Command } from "commander";
import { z } from "zod";
import { LANGS, t } from "../i18n.js";
import type { CommandContext } from "./options.js";

export const TargetsOptionsSchema = z.object({
  targets: z.string().min(1),
  lang: z.enum(LANGS),
  format: z.enum(["text", "markdown", "json"]),
});

export function addTargetsCommand(program: Command, { io, options, lang }: CommandContext): void {
  program
    .command("targets")
    .description(t(lang, "help.targetsCommand"))
    .addOption(options.targets())
    .addOption(options.lang())
    .addOption(
      new Option("-f, --format <format>", t(lang, "help.format"))
        .choices(["text", "markdown", "json"])
        .default("text"),
    )
    .action(async (raw: Record<string, unknown>) => {
      const opts = TargetsOptionsSchema.parse(raw);
      const { loadTargetFile } = await import("../targets/load.js");
      const { dataNeeded, ruleText, targetsMarkdown } = await import("../targets/describe.js");
      const { targets: plan } = await loadTargetFile(opts.targets);
      if (opts.format === "markdown") return io.stdout(targetsMarkdown(plan, opts.lang));
      if (opts.format === "json") {
        const list = plan.targets.map((target) => ({
          id: target.id,
          title: target.title[opts.lang],
          clause: target.source.clause,
          quote: target.source.text,
          rule: ruleText(target, opts.lang),
          data: dataNeeded(target, plan, opts.lang),
          manual: target.metric.name === "manual",
          informational: target.informational,
        }));
        return io.stdout(`${JSON.stringify(list, null, 2)}\n`);
      }
      const lines = [t(opts.lang, "targets.header", { count: plan.targets.length, file: opts.targets })];
      for (const target of plan.targets) {
        const title = target.informational
          ? t(opts.lang, "status.informational", { status: target.title[opts.lang] })
          : target.title[opts.lang];
        const source = target.source.document
          ? `${target.source.document} ${target.source.clause}`
          : target.source.clause;
        lines.push(
          `${target.id}\t${title}\t${ruleText(target, opts.lang)}\t${source}\t${target.source.text}`,
        );
      }
      io.stdout(`${lines.join("\n")}\n`);
    });
}
