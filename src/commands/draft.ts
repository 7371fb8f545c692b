// `hy-check draft`: a plan text to a draft target file, the review table on stderr.
import type { Command } from "commander";
import { z } from "zod";
import { LANGS, t } from "../i18n.js";
import type { CommandContext } from "./options.js";

export const DraftOptionsSchema = z.object({
  output: z.string().min(1).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  lang: z.enum(LANGS),
});

export function addDraftCommand(program: Command, { io, options, lang }: CommandContext): void {
  program
    .command("draft")
    .description(t(lang, "help.draft"))
    .argument("<plan>", t(lang, "help.draftPlan"))
    .option("-o, --output <file>", t(lang, "help.draftOutput"))
    .option("--year <year>", t(lang, "help.draftYear"))
    .addOption(options.lang())
    .action(async (plan: string, raw: Record<string, unknown>) => {
      const opts = DraftOptionsSchema.parse(raw);
      const { runDraft } = await import("../draft/command.js");
      await runDraft(plan, opts, io);
    });
}
