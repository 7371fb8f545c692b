#!/usr/bin/env node
// Part of `npm run build`: validates each shipped target file (targets/*.yaml) with the built hy-check and
// writes its validated form to dist/compiled-targets/<name>.yaml.json, with the SHA-256 of the YAML and of
// the plan text it quotes. A run then reads a shipped file without the YAML parser, but only while both
// files are byte for byte those validated here (src/targets/load.ts); a changed file is parsed as usual.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const { loadTargetFile, sha256 } = await import(join(root, "dist/targets/load.js"));
const { COMPILED_TARGETS_DIR } = await import(join(root, "dist/paths.js"));

mkdirSync(COMPILED_TARGETS_DIR, { recursive: true });
for (const name of readdirSync(join(root, "targets"))
  .filter((f) => f.endsWith(".yaml"))
  .sort()) {
  const file = join(root, "targets", name);
  const { targets, dir } = await loadTargetFile(file, { useCompiled: false });
  const seed = targets.plan.seed;
  const entry = {
    yamlSha256: sha256(readFileSync(file)),
    seedSha256: seed === undefined ? null : sha256(readFileSync(resolve(dir, seed))),
    targets,
  };
  writeFileSync(join(COMPILED_TARGETS_DIR, `${name}.json`), JSON.stringify(entry));
}
