// `hy-check schema`: the JSON Schema of the target-file format (schema/targets.schema.json is its output).
import type { Command } from "commander";
import { t } from "../i18n.js";
import type { CommandContext } from "./options.js";

export function addSchemaCommand(program: Command, { io, lang }: CommandContext): void {
  program
    .command("schema")
    .description(t(lang, "help.schema"))
    .action(async () => {
      const { targetFileJsonSchema } = await import("../targets/schema.js");
      io.stdout(`${JSON.stringify(targetFileJsonSchema(), null, 2)}\n`);
    });
}
