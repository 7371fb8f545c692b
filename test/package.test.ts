import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { targetFileJsonSchema } from "../src/targets/schema.js";
import { VERSION } from "../src/version.js";

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), "utf8");

describe("published artefacts stay in step with the code", () => {
  it("schema/targets.schema.json is what `hy-check schema` prints (run npm run schema)", () => {
    expect(JSON.parse(read("schema/targets.schema.json"))).toEqual(targetFileJsonSchema());
  });

  it("src/version.ts matches package.json", () => {
    expect(VERSION).toBe(JSON.parse(read("package.json")).version);
  });

  it("seeds/ holds the plan text the targets quote", () => {
    expect(read("seeds/hengyang-2019-work-plan.txt")).toContain("市城区环境空气质量优良率保持在80%以上");
  });
});
