// Text encodings of CSV exports: UTF-8 (with or without BOM) or GB18030/GBK, as Chinese Excel saves them.
import { Transform, type TransformCallback } from "node:stream";
import { inputError } from "../errors.js";

export const ENCODINGS = ["auto", "utf-8", "gb18030", "gbk"] as const;
export type EncodingOption = (typeof ENCODINGS)[number];
export type TextEncodingName = Exclude<EncodingOption, "auto">;

/**
 * Picks the encoding from the first bytes: a UTF-8 BOM or bytes that decode as UTF-8 mean UTF-8,
 * anything else GB18030 (a superset of GBK and GB2312). A sample cut inside a character is fine:
 * the streaming decoder keeps the incomplete tail.
 */
export function detectEncoding(sample: Uint8Array): TextEncodingName {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return "utf-8";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: true });
    return "utf-8";
  } catch {
    // A UTF-8 export with a stray GBK line (two files pasted together) is UTF-8 with a bad line, which
    // is then reported at its line; a GBK file has (almost) no line that is valid non-ASCII UTF-8.
    let utf8 = 0;
    let bad = 0;
    const lines = splitLines(sample);
    for (const line of lines.slice(0, -1)) {
      if (line.every((b) => b < 0x80)) continue;
      if (isUtf8(line)) utf8++;
      else bad++;
    }
    return utf8 > 0 && utf8 >= bad ? "utf-8" : "gb18030";
  }
}

function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++)
    if (bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  lines.push(bytes.subarray(start));
  return lines;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The index of the first line of a chunk that does not decode in the encoding (the chunk's own lines). */
function firstBadLine(chunk: Uint8Array, encoding: TextEncodingName): number {
  const lines = splitLines(chunk);
  for (let i = 0; i < lines.length; i++) {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(lines[i], { stream: i === lines.length - 1 });
    } catch {
      return i;
    }
  }
  return 0;
}

/** A byte -> text transform that fails with file and line when the bytes are not in the encoding. */
export function decodeStream(file: string, encoding: TextEncodingName, firstLine = 1): Transform {
  // Mid-file (a reader that continues from a line) a BOM is text, as it would be to a reader from the start.
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: firstLine > 1 });
  let line = firstLine;
  // The bytes of the line the last chunk ended in: a chunk may start inside a character, which decodes only
  // with them (else the bad line found would be the chunk's first, wherever the bad bytes are).
  let partial: Uint8Array = new Uint8Array(0);
  const fail = (cb: TransformCallback, at = line) =>
    cb(
      inputError({
        file,
        line: at,
        code: "HY-ENCODING",
        message:
          `bytes that are not valid ${encoding} near this line; ` +
          (encoding === "utf-8"
            ? "if the file is GBK/GB18030 pass --encoding gb18030"
            : "pass --encoding utf-8 if it is UTF-8"),
      }),
    );
  return new Transform({
    readableObjectMode: false,
    decodeStrings: true,
    transform(chunk: Buffer, _enc, cb) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        return fail(cb, line + firstBadLine(Buffer.concat([partial, chunk]), encoding));
      }
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) line++;
      const lastBreak = chunk.lastIndexOf(0x0a);
      // A line longer than a chunk keeps only its last chunk: memory stays bounded by the chunk size.
      partial = chunk.subarray(lastBreak + 1);
      cb(null, text);
    },
    flush(cb) {
      try {
        cb(null, decoder.decode());
      } catch {
        fail(cb);
      }
    },
  });
}
