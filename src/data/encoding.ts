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
    return "gb18030";
  }
}

/** A byte -> text transform that fails with file and line when the bytes are not in the encoding. */
export function decodeStream(file: string, encoding: TextEncodingName): Transform {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
  let line = 1;
  const fail = (cb: TransformCallback) =>
    cb(
      inputError({
        file,
        line,
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
        return fail(cb);
      }
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) line++;
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
