// `hy-check schema` in-process.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../test/helpers/run-cli.js";
import { runMain } from "../../test/helpers/run-main.js";

describe("hy-check schema", () => {
  it("prints a JSON Schema", async () => {
    const run = await runMain(["schema"]);
    expect(run.status).toBe(0);
    const schema = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(schema).toHaveProperty("$schema");
    expect(schema.type).toBe("object");
  });

  it("prints the schema the package ships (npm run schema writes it)", async () => {
    const run = await runMain(["schema"]);
    expect(run.stdout).toBe(readFileSync(join(ROOT, "schema", "targets.schema.json"), "utf8"));
  });
});
