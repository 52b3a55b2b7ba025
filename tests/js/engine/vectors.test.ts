/// <reference types="node" />
// Every shared vector through the TypeScript engine (the Python engine runs the same files in
// tests/python/engine/test_vectors.py; test_cross_engine.py compares the full reports).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { buildReport, type Facts } from "../../../extension/src/engine";
import { readJson, readRules } from "./rulesDir";
import { mismatches } from "./vectorCheck";

const RULES_DIR = join(__dirname, "..", "..", "..", "shared_rules");
const RULES = readRules(RULES_DIR);

interface VectorCase {
  name: string;
  today: string;
  facts: Facts;
  expect: Record<string, unknown>;
  profile?: string;
  disabled?: string[];
}

const files = readdirSync(join(RULES_DIR, "vectors")).filter((n) => n.endsWith(".json")).sort();
const cases = files.flatMap((file) =>
  (readJson(join(RULES_DIR, "vectors", file)) as { cases: VectorCase[] }).cases.map(
    (c) => [`${file.slice(0, -".json".length)}: ${c.name}`, c] as const,
  ),
);

test("there are vectors for every criterion", () => {
  for (const cid of RULES.scoring.criteria_order) expect(files).toContain(`${cid}.json`);
  expect(cases.length).toBeGreaterThan(0);
});

for (const [name, vector] of cases) {
  test(name, () => {
    const report = buildReport(vector.facts, RULES, {
      today: vector.today,
      profile: vector.profile ?? null,
      disabled: vector.disabled ?? [],
    });
    expect(mismatches(report, vector.expect)).toEqual([]);
  });
}
