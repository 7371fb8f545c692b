#!/usr/bin/env node
// The hy-check command: the process edge around main() in program.ts. `--version` answers before the
// program and its dependencies load, so that it stays instant.
import { VERSION } from "./version.js";

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  process.stdout.write(`${VERSION}\n`);
} else {
  // A reader that stops early (`hy-check report ... | head`) closes the pipe: end quietly, without a stack trace.
  // Any other failure to write (a full disk, `> /dev/full`) is HY-WRITE, exit 2: the report did not arrive.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
    const reason = e.code === "ENOSPC" ? "no space left on the device" : e.message;
    process.stderr.write(`stdout  cannot write the report: ${reason} [HY-WRITE]\n`);
    process.exit(2);
  });
  const { main } = await import("./program.js");
  process.exitCode = await main(args, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  });
}
