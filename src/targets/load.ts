// Loading a target file: YAML -> Zod, with every problem mapped back to its line and column.
import { constants } from "node:fs";
import { open, readFile, type FileHandle } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { createHash } from "node:crypto";
import { basename, join } from "node:path";
import { InputError, inputError, keyedProblem, type InputProblem } from "../errors.js";
import { fsReason } from "../data/csv.js";
import { decodeText } from "../data/encoding.js";
import { COMPILED_TARGETS_DIR } from "../paths.js";
import type { TargetFile } from "./schema.js";
import type { ParsedTargets } from "./parse.js";

export interface LoadedTargets {
  file: string;
  /** Folder of the target file: relative paths in it (the seed) resolve from here. */
  dir: string;
  targets: TargetFile;
}

const MAX_TARGET_FILE_BYTES = 1024 * 1024;

export async function loadTargetFile(
  file: string,
  { useCompiled = true }: { useCompiled?: boolean } = {},
): Promise<LoadedTargets> {
  const bytes = await readTargetBytes(file);
  const dir = dirname(resolve(file));
  const ready = useCompiled ? await compiled(file, bytes, dir) : undefined;
  if (ready) return { file, dir, targets: ready };
  const { parseWithPositions } = await import("./parse.js");
  // Decoded as a data file is (UTF-8 with or without BOM, or GB18030 told from the bytes), never with U+FFFD.
  const parsed = parseWithPositions(decodeText(file, bytes), file);
  await checkQuotes(parsed, file, dir);
  return { file, dir, targets: parsed.targets };
}

/**
 * The bytes of a target file, read no further than the size limit: a device (`/dev/zero`) or a named pipe
 * is refused before it is read (opened without blocking, so a FIFO without a writer does not hang the run).
 */
async function readTargetBytes(file: string): Promise<Uint8Array> {
  const tooLarge = (size?: number) =>
    inputError(
      size === undefined
        ? keyedProblem({ file, code: "HY-TARGETS" }, "targets.grewTooLarge", { max: MAX_TARGET_FILE_BYTES })
        : keyedProblem({ file, code: "HY-TARGETS" }, "targets.tooLarge", { size }),
    );
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await handle.stat();
    if (info.isDirectory()) throw Object.assign(new Error("EISDIR"), { code: "EISDIR" });
    if (!info.isFile())
      throw inputError(keyedProblem({ file, code: "HY-READ" }, "targets.notRegular"));
    if (info.size > MAX_TARGET_FILE_BYTES) throw tooLarge(info.size);
    // One byte more than the limit tells a file that grew since stat() from one that fits.
    const buffer = Buffer.alloc(MAX_TARGET_FILE_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > MAX_TARGET_FILE_BYTES) throw tooLarge();
    }
    return buffer.subarray(0, length);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw inputError(keyedProblem({ file, code: "HY-READ" }, "targets.cannotRead", { reason: fsReason(e) }));
  } finally {
    await handle?.close();
  }
}

/** A shipped target file as the build validated it (scripts/compile-targets.mjs). */
export interface CompiledTargets {
  /** SHA-256 of the YAML bytes and of the plan text it quotes (null without one). */
  yamlSha256: string;
  seedSha256: string | null;
  targets: TargetFile;
}

export const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

/**
 * The build's validated form of a shipped target file, when the file and the plan text it quotes are
 * byte for byte those the build read: parsing and validating the YAML again would give the same. Any
 * other file, or a changed one, is parsed (undefined here).
 */
async function compiled(file: string, bytes: Uint8Array, dir: string): Promise<TargetFile | undefined> {
  let entry: CompiledTargets;
  try {
    entry = JSON.parse(
      await readFile(join(COMPILED_TARGETS_DIR, `${basename(file)}.json`), "utf8"),
    ) as CompiledTargets;
  } catch {
    return undefined;
  }
  if (entry.yamlSha256 !== sha256(bytes)) return undefined;
  const seed = entry.targets.plan.seed;
  if (seed !== undefined) {
    try {
      if (sha256(await readFile(resolve(dir, seed))) !== entry.seedSha256) return undefined;
    } catch {
      return undefined;
    }
  }
  return entry.targets;
}

const squeeze = (text: string) => text.replace(/\s+/g, "");

/**
 * Every target quotes the plan: the seed file must exist and contain each quoted sentence, so a rule
 * can always be traced to the words it enforces.
 */
async function checkQuotes({ targets, locate }: ParsedTargets, file: string, dir: string): Promise<void> {
  // A file of standard limits quotes the standards only (the schema checks that each target names one).
  const planSeed = targets.plan.seed;
  if (planSeed === undefined) return;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolve(dir, planSeed));
  } catch (e) {
    throw inputError(
      keyedProblem(
        { file, ...locate(["plan", "seed"]), field: "plan.seed", code: "HY-TARGETS" },
        "targets.cannotReadSeed",
        { seed: planSeed, path: resolve(dir, planSeed), reason: fsReason(e) },
      ),
    );
  }  // The plan text is decoded as data files are: UTF-8 or GB18030, told from the bytes.
  const seed = squeeze(decodeText(resolve(dir, planSeed), bytes));

  const problems: InputProblem[] = [];
  targets.targets.forEach((target, i) => {
    if (target.source.document === undefined && !seed.includes(squeeze(target.source.text)))
      problems.push(
        keyedProblem(
          {
            file,
            ...locate(["targets", i, "source", "text"]),
            field: `targets[${i}].source.text`,
            code: "HY-QUOTE",
          },
          "targets.quoteNotFound",
          { seed: planSeed },
        ),
      );
  });
  if (problems.length > 0) throw new InputError(problems);
}

