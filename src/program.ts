// The commander program: registers the commands (src/commands/, one file each) and maps what a run ends in
// to an exit code and a message.
import { Command, CommanderError } from "commander";
import { z } from "zod";
import { addCheckCommand } from "./commands/check.js";
import { addDraftCommand } from "./commands/draft.js";
import { addExplainCommand } from "./commands/explain.js";
import { addInitCommand } from "./commands/init.js";
import { sharedOptions, type AddCommand, type Io } from "./commands/options.js";
import { addReportCommand } from "./commands/report.js";
import { addSchemaCommand } from "./commands/schema.js";
import { addTargetsCommand } from "./commands/targets.js";
import { addValidateCommand } from "./commands/validate.js";
import { formatProblem, InputError } from "./errors.js";
import { EXIT } from "./exit.js";
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

function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command("hy-check")
    .description("Check monitoring data against the targets of an environmental work plan")
    .version(VERSION, "-V, --version")
    .option("--debug", "show stack traces of internal errors")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  const context = { io, options: sharedOptions(io), setExit };
  for (const addCommand of COMMANDS) addCommand(program, context);
  return program;
}

/** Runs the CLI on argv (without node and script) and resolves to the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => (exitCode = code));
  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return e.exitCode === 0 ? EXIT.ok : EXIT.inputError;
    }
    if (e instanceof InputError) {
      io.stderr(`${e.problems.map(formatProblem).join("\n")}\n`);
      return EXIT.inputError;
    }
    if (e instanceof z.ZodError) {
      io.stderr(
        `${e.issues.map((i) => `hy-check: option --${i.path.join(".").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${i.message}`).join("\n")}\n`,
      );
      return EXIT.inputError;
    }
    const debug = argv.includes("--debug");
    io.stderr(
      `hy-check: internal error: ${e instanceof Error ? e.message : String(e)}${debug ? "" : " (run with --debug for details)"}\n`,
    );
    if (debug && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return INTERNAL_ERROR;
  }
}
