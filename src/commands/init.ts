// `hy-check init [--targets NAME] [dir]`: a shipped target file copied into a folder with the plan text it
// quotes, its `plan.seed` pointing at the copy, so the copy can be edited and still checks its quotes.
import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { inputError, keyedProblem } from "../errors.js";
import { fsReason } from "../data/csv.js";
import { PACKAGE_ROOT } from "../paths.js";
import { loadTargetFile } from "../targets/load.js";
import type { Command } from "commander";
import { t } from "../i18n.js";
import type { CommandContext } from "./options.js";

export const SHIPPED_TARGETS_DIR = join(PACKAGE_ROOT, "targets");
export const DEFAULT_INIT_TARGETS = "hengyang-2019";

/** The shipped target files, by name without `.yaml`. */
export async function shippedTargetNames(): Promise<string[]> {
  const names = await readdir(SHIPPED_TARGETS_DIR);
  return names
    .filter((n) => n.endsWith(".yaml"))
    .map((n) => n.slice(0, -".yaml".length))
    .sort();
}

/** The target file's text with its `plan.seed` set to `seed` (the one `seed:` line of the plan block). */
export function withSeed(yamlText: string, seed: string): string {
  return yamlText.replace(/^(\s+seed:\s*).*$/m, (_line, key: string) => `${key}${seed}`);
}

async function writeNew(file: string, bytes: string | Buffer): Promise<void> {
  try {
    await writeFile(file, bytes, { flag: "wx" });
  } catch (e) {
    const exists = (e as NodeJS.ErrnoException).code === "EEXIST";
    throw inputError(
      exists
        ? keyedProblem({ file, code: "HY-WRITE" }, "init.exists")
        : keyedProblem({ file, code: "HY-WRITE" }, "init.cannotWrite", { reason: fsReason(e) }),
    );
  }
}

/**
 * Copies the shipped target file `name` (and its plan text, when it quotes one) into `dir`; returns the
 * files written. Existing files are never overwritten.
 */
export async function initTargets(name: string, dir: string): Promise<string[]> {
  const names = await shippedTargetNames();
  const wanted = name.replace(/\.ya?ml$/i, "");
  if (!names.includes(wanted))
    throw inputError(
      keyedProblem({ file: "hy-check", code: "HY-USAGE" }, "init.unknownTargets", {
        name: JSON.stringify(name),
        names: names.join(", "),
      }),
    );
  const source = join(SHIPPED_TARGETS_DIR, `${wanted}.yaml`);
  const { targets } = await loadTargetFile(source);
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw inputError(
      keyedProblem({ file: dir, code: "HY-WRITE" }, "init.cannotCreateFolder", { reason: fsReason(e) }),
    );
  }
  const target = join(dir, `${wanted}.yaml`);
  const text = await readFile(source, "utf8");
  const seed = targets.plan.seed;
  if (seed === undefined) {
    await writeNew(target, text);
    return [target];
  }
  const seedCopy = join(dir, basename(seed));
  await writeNew(target, withSeed(text, basename(seed)));
  try {
    await copyFile(resolve(SHIPPED_TARGETS_DIR, seed), seedCopy, 1 /* COPYFILE_EXCL */);
  } catch (e) {
    throw inputError(
      (e as NodeJS.ErrnoException).code === "EEXIST"
        ? keyedProblem({ file: seedCopy, code: "HY-WRITE" }, "init.exists")
        : keyedProblem({ file: seedCopy, code: "HY-WRITE" }, "init.cannotCopySeed", { reason: fsReason(e) }),
    );
  }
  return [target, seedCopy];
}

export function addInitCommand(program: Command, { io, lang }: CommandContext): void {
  program
    .command("init")
    .description(t(lang, "help.init"))
    .argument("[dir]", t(lang, "help.initDir"), ".")
    .option("-t, --targets <name>", t(lang, "help.initTargets"), DEFAULT_INIT_TARGETS)
    .option("--list", t(lang, "help.initList"))
    .action(async (dir: string, raw: { targets: string; list?: boolean }) => {
      if (raw.list) return io.stdout(`${(await shippedTargetNames()).join("\n")}\n`);
      const written = await initTargets(raw.targets, dir);
      const lines = written.map((file) => t(lang, "init.wrote", { file }));
      io.stdout(`${[...lines, t(lang, "init.next", { file: written[0] ?? "" })].join("\n")}\n`);
    });
}
