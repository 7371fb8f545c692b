// The commander program: registers the commands (src/commands/, one file each) and maps what a run ends in
// to an exit code and a message.
import { Command, CommanderError } from "commander";
import { z } from "zod";
import { addCheckCommand } from "./commands/check.js";
import { addDraftCommand } from "./commands/draft.js";
import { addExplainCommand } from "./commands/explain.js";
import { addInitCommand } from "./commands/init.js";
import { argvLang, helpSettings, usageProblem } from "./commands/help.js";
import { sharedOptions, type AddCommand, type Io } from "./commands/options.js";
import { addReportCommand } from "./commands/report.js";
import { addSchemaCommand } from "./commands/schema.js";
import { addTargetsCommand } from "./commands/targets.js";
import { addValidateCommand } from "./commands/validate.js";
import { errorLine, InputError, keyedProblem, zodMessage } from "./errors.js";
import { EXIT } from "./exit.js";
import { t, type Lang } from "./i18n.js";
import { VERSION } from "./version.js";

export type { Io } from "./commands/options.js";

/** The commands in the order `hy-check --help` lists them; a new command is one file and one line here. */
const COMMANDS: readonly AddCommand[] = [
  addCheckCommand,
  addValidateCommand,
  addTargetsCommand,
  addExplainCommand,
  addReportCommand,
  addDraftCommand,
  addInitCommand,
  addSchemaCommand,
];

/** Exit code for a bug in hy-check itself (never for bad input). */
const INTERNAL_ERROR = 3;

function buildProgram(io: Io, lang: Lang, setExit: (code: number) => void): Command {
  const program = new Command("hy-check")
    .description(t(lang, "help.program"))
    .version(VERSION, "-V, --version", t(lang, "help.version"))
    .option("--debug", t(lang, "help.debug"))
    .helpOption("-h, --help", t(lang, "help.help"))
    .helpCommand(`help ${t(lang, "help.usage.command")}`, t(lang, "help.help"))
    .configureHelp(helpSettings(lang))
    .exitOverride()
    // Usage errors are printed by main() in the one error style, in the chosen language.
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} });
  const context = { io, lang, options: sharedOptions(io, lang), setExit };
  for (const addCommand of COMMANDS) addCommand(program, context);
  return program;
}

/** Runs the CLI on argv (without node and script) and resolves to the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const lang = argvLang(argv, io.env);
  const program = buildProgram(io, lang, (code) => (exitCode = code));
  const say = (p: Parameters<typeof errorLine>[0]) => io.stderr(`${errorLine(p, lang)}\n`);
  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      if (e.exitCode === 0) return EXIT.ok;
      const command = program.commands.find((c) => argv.includes(c.name()))?.name() ?? "check";
      say(usageProblem(e, lang, command));
      return EXIT.inputError;
    }
    if (e instanceof InputError) {
      for (const p of e.problems) say(p);
      return EXIT.inputError;
    }
    if (e instanceof z.ZodError) {
      for (const issue of e.issues) {
        const option = `--${issue.path.join(".").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
        const message = zodMessage(issue, lang);
        say(keyedProblem({ file: "hy-check", code: "HY-USAGE" }, "usage.option", { option, message }));
      }
      return EXIT.inputError;
    }
    const debug = argv.includes("--debug");
    const message = t(lang, "error.internal", { message: e instanceof Error ? e.message : String(e) });
    io.stderr(`hy-check: ${debug ? message : t(lang, "error.internalDebug", { message })}\n`);
    if (debug && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return INTERNAL_ERROR;
  }
}
