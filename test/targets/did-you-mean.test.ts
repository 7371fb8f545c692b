// "Did you mean" for an unknown key of a target file: edit distances worked out by hand, the keys the schema
// allows at a place, and the message a typo gets.
import { describe, expect, it } from "vitest";
import { closest, editDistance, schemaKeysAt } from "../../src/targets/parse.js";
import { parseTargetFile } from "../../src/targets/parse.js";
import { InputError } from "../../src/errors.js";
import { targetFileJsonSchema } from "../../src/targets/schema.js";

describe("did you mean", () => {
  it("counts edits: one replacement, one insertion, one swap of neighbours", () => {
    expect(editDistance("metric", "metric")).toBe(0);
    expect(editDistance("metrjc", "metric")).toBe(1);
    expect(editDistance("metrc", "metric")).toBe(1);
    expect(editDistance("yaer", "year")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("suggests only a near word: at most a third of it changed", () => {
    expect(closest("sope", ["scope", "source", "op"])).toBe("scope");
    expect(closest("colour", ["scope", "source", "op"])).toBeUndefined();
  });

  it("knows the keys allowed at a place of the target file", () => {
    const schema = targetFileJsonSchema();
    expect(schemaKeysAt(schema, ["plan"])).toEqual(expect.arrayContaining(["year", "title"]));
    const targetKeys = schemaKeysAt(schema, ["targets", 0]);
    expect(targetKeys).toEqual(expect.arrayContaining(["id", "metric", "op", "value", "source"]));
    expect(targetKeys).not.toContain("year");
  });

  it("an unknown key in a target gets the nearest key of a target", () => {
    const text = [
      "plan: { title: { zh: 计划, en: Plan }, year: 2019, agency: { zh: 局, en: Bureau } }",
      "areas: []",
      "targets:",
      "  - id: a",
      "    title: { zh: 甲, en: A }",
      "    metrc: { name: manual }",
      "    source: { clause: 一, text: 甲 }",
    ].join("\n");
    let problems: InputError["problems"] = [];
    try {
      parseTargetFile(text, "t.yaml");
    } catch (e) {
      if (e instanceof InputError) problems = e.problems;
    }
    const typo = problems.find((p) => p.message.startsWith("unknown key metrc"));
    expect(typo?.message).toBe("unknown key metrc; did you mean metric?");
    expect(typo?.line).toBe(6);
  });
});
