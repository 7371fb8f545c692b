// What every command shares: the process edge it talks through (Io), the options several commands take
// (defined once here), and the helpers for reading and writing around the engine.
import { randomBytes } from "node:crypto";
import { rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { Option, type Command } from "commander";
import { ENCODINGS } from "../data/encoding.js";
import { CAPTURE_MODES } from "../engine/basis.js";
import { fsReason } from "../data/csv.js";
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
    sheet: () => new Option("--sheet <name|n>", t(lang, "help.sheet")),
    encoding: () =>
      new Option("--encoding <encoding>", t(lang, "help.encoding")).choices(ENCODINGS).default("auto"),
    hourConvention: () =>
      new Option("--hour-convention <convention>", t(lang, "help.hourConvention"))
        .choices(HOUR_CONVENTIONS)
        .default("ending"),
    capture: () =>
      new Option("--capture <reading>", t(lang, "help.capture")).choices(CAPTURE_MODES).default("indicative"),
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

/** A file a command writes: where, and its whole text (or its pieces in order: a large report is never one string). */
export interface OutputFile {
  path: string;
  text: string | Iterable<string>;
}

/** Writes one report file (see writeOutputs): never over one of `inputs`, never half. */
export async function writeOutput(
  file: string,
  text: OutputFile["text"],
  inputs: readonly string[] = [],
): Promise<void> {
  await writeOutputs([{ path: file, text }], inputs);
}

/**
 * Writes files all or nothing: each to a temporary file beside it, renamed over it only once every one is
 * written, so a reader (or a second run writing the same file) never sees half a report and a failed run
 * leaves nothing behind. A file that is one of `inputs` (data files, folders' files, the target file) is
 * refused before anything is written; a missing folder is named.
 */
export async function writeOutputs(
  files: readonly OutputFile[],
  inputs: readonly string[] = [],
): Promise<void> {
  const read = await inputIdentities(inputs);
  for (const { path } of files) await checkWritable(path, read);
  const written: { temp: string; path: string }[] = [];
  try {
    for (const { path, text } of files) {
      const temp = join(
        dirname(path),
        `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
      );
      written.push({ temp, path });
      await writeFile(temp, text, { flag: "wx" });
    }
    for (const { temp, path } of written) await rename(temp, path);
  } catch (e) {
    await Promise.all(written.map(({ temp }) => rm(temp, { force: true })));
    const failed = written.at(-1)?.path ?? files[0]?.path ?? "hy-check";
    throw new InputError([
      keyedProblem({ file: failed, code: "HY-WRITE" }, "error.cannotWrite", { reason: fsReason(e) }),
    ]);
  }
}

/** Device and inode of every file read (folders and globs expanded): the same file under any name. */
async function inputIdentities(inputs: readonly string[]): Promise<Map<string, string>> {
  const identities = new Map<string, string>();
  const { expandInputs } = await import("../data/inputs.js");
  const files = await expandInputs(inputs).catch(() => inputs.map((file) => ({ file })));
  for (const { file } of files) {
    const info = await stat(file).catch(() => undefined);
    if (info) identities.set(`${info.dev}:${info.ino}`, file);
  }
  return identities;
}

async function checkWritable(path: string, read: ReadonlyMap<string, string>): Promise<void> {
  const folder = dirname(resolve(path));
  const dir = await stat(folder).catch(() => undefined);
  if (!dir?.isDirectory())
    throw inputError(keyedProblem({ file: path, code: "HY-WRITE" }, "error.noFolder", { folder }));
  const info = await stat(path).catch(() => undefined);
  const input = info ? read.get(`${info.dev}:${info.ino}`) : undefined;
  if (input !== undefined)
    throw inputError(keyedProblem({ file: path, code: "HY-WRITE" }, "error.outputIsInput", { input }));
  if (info?.isDirectory())
    throw inputError(keyedProblem({ file: path, code: "HY-WRITE" }, "error.outputIsFolder"));
}

/** The plan year the date options must lie in: --year when given, else the target file's. */
export async function planYear(targets: string, year: number | undefined): Promise<number> {
  if (year !== undefined) return year;
  const { loadTargetFile } = await import("../targets/load.js");
  return (await loadTargetFile(targets)).targets.plan.year;
}
