// What every command shares: the process edge it talks through (Io), the options several commands take
// (defined once here), and the helpers for reading and writing around the engine.
import { writeFile } from "node:fs/promises";
import { Option, type Command } from "commander";
import { ENCODINGS } from "../data/encoding.js";
import { describeFsError } from "../data/csv.js";
import { terminalProgress } from "../data/progress.js";
import { HOUR_CONVENTIONS } from "../data/time.js";
import type { CheckOptions } from "../engine/check.js";
import { inputError, InputError, keyedProblem } from "../errors.js";
import { langFromEnv, LANGS, t, type Lang } from "../i18n.js";
import { DEFAULT_TARGETS_FILE } from "../paths.js";

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  /** stdout's width in columns, when it is a terminal. */
  columns?: number;
  /** stderr is a terminal: a progress line may be drawn there. */
  stderrIsTTY?: boolean;
}

/** Options several commands take, one definition each; a factory, since commander owns each Option it adds. */
export function sharedOptions(io: Io, lang: Lang) {
  return {
    lang: () =>
      new Option("--lang <lang>", t(lang, "help.lang"))
        .choices(LANGS)
        .default(langFromEnv(io.env), t(lang, "help.langDefault")),
    encoding: () =>
      new Option("--encoding <encoding>", t(lang, "help.encoding")).choices(ENCODINGS).default("auto"),
    hourConvention: () =>
      new Option("--hour-convention <convention>", t(lang, "help.hourConvention"))
        .choices(HOUR_CONVENTIONS)
        .default("ending"),
    targets: () =>
      new Option("-t, --targets <file>", t(lang, "help.targets")).default(
        DEFAULT_TARGETS_FILE,
        t(lang, "help.targetsDefault"),
      ),
  };
}

export type SharedOptions = ReturnType<typeof sharedOptions>;

/** The options that set the evaluation window and tolerance, shared by check and report, in help order. */
export function addWindowOptions(command: Command, lang: Lang): Command {
  return command
    .option("--period <month>", t(lang, "help.period"))
    .option("--from <date>", t(lang, "help.from"))
    .option("--to <date>", t(lang, "help.to"))
    .option("--max-rejected <n>", t(lang, "help.maxRejected"), "0")
    .option("--year <year>", t(lang, "help.year"));
}

/** What a command file is given to add its command to the program. */
export interface CommandContext {
  io: Io;
  /** The language of the help and the messages (--lang on the command line, else the locale). */
  lang: Lang;
  options: SharedOptions;
  /** The run's exit code, once the command knows it (an exception maps to one in main()). */
  setExit: (code: number) => void;
}

/** A command file's one export that matters to the program: adds the command, with its options and action. */
export type AddCommand = (program: Command, context: CommandContext) => void;

/**
 * The reader and the progress line: HY_READER=plain reads with csv-parse only (to compare with the fast
 * reader); the progress line needs stderr to be a terminal, and --quiet silences it.
 */
export function readerOptions(io: Io, quiet: boolean | undefined): Pick<CheckOptions, "reader" | "progress"> {
  const reader = io.env.HY_READER === "plain" ? "plain" : "fast";
  return { reader, ...(io.stderrIsTTY && !quiet ? { progress: terminalProgress(io.stderr) } : {}) };
}

export function usageError(message: string): InputError {
  return inputError({ file: "hy-check", code: "HY-USAGE", message });
}

export async function writeOutput(file: string, text: string): Promise<void> {
  try {
    await writeFile(file, text);
  } catch (e) {
    throw new InputError([
      keyedProblem({ file, code: "HY-WRITE" }, "error.cannotWrite", { reason: describeFsError(e) }),
    ]);
  }
}

/** The plan year the date options must lie in: --year when given, else the target file's. */
export async function planYear(targets: string, year: number | undefined): Promise<number> {
  if (year !== undefined) return year;
  const { loadTargetFile } = await import("../targets/load.js");
  return (await loadTargetFile(targets)).targets.plan.year;
}
