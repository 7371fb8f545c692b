// subset-font ships no typings: the one call the report makes (harfbuzz's subsetter, compiled to wasm).
declare module "subset-font" {
  export default function subsetFont(
    font: Uint8Array,
    text: string,
    options?: { targetFormat?: "woff2" | "woff" | "truetype" | "sfnt" },
  ): Promise<Buffer>;
}
