// `hy-check draft`: a plan text to a draft target file, the review table on stderr.
import type { Command } from "commander";
import { z } from "zod";
import { LANGS } from "../i18n.js";
import type { CommandContext } from "./options.js";

export const DraftOptionsSchema = z.object({
  output: z.string().min(1).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  lang: z.enum(LANGS),
});

export function addDraftCommand(program: Command, { io, options }: CommandContext): void {
  program
    .command("draft")
    .description("draft a target file from a plan text: YAML to stdout or -o, the review table to stderr")
    .argument("<plan>", "the plan text (.txt, UTF-8 or GB18030)")
    .option("-o, --output <file>", "write the target file here (plan.seed is then relative to it)")
    .option("--year <year>", "the plan year, when the title does not give it")
    .addOption(options.lang())
    .action(async (plan: string, raw: Record<string, unknown>) => {
      const opts = DraftOptionsSchema.parse(raw);
      const { runDraft } = await import("../draft/command.js");
      await runDraft(plan, opts, io);
    });
}
