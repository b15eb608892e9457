import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  currentTables,
  README_TABLES,
  readmeTables,
  TABLES_PAGE,
  withTables,
} from "../scripts/readme-tables.ts";

const modelSection = () => readFileSync(new URL(`../${TABLES_PAGE}`, import.meta.url), "utf8");

describe("the model page's preset, case-study and ladder tables (issue 10, point 10)", () => {
  it("are what `npm run readme:tables` generates now (run it after a change that moves the figures)", async () => {
    const fresh = await readmeTables(README_TABLES);
    expect(currentTables(modelSection())).toBe(fresh.trim());
  }, 180_000);

  it("are stamped with the command and seed, and the markers are where the script writes", () => {
    const block = currentTables(modelSection()) ?? "";
    expect(block).toContain(`npm run readme:tables`);
    expect(block).toContain(`seed ${README_TABLES.seed}, ${README_TABLES.replications} replications`);
    expect(withTables("a\n<!-- tables:begin -->\nold\n<!-- tables:end -->\nb", "new")).toBe(
      "a\n<!-- tables:begin -->\nnew\n<!-- tables:end -->\nb",
    );
  });
});
