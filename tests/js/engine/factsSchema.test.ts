/// <reference types="node" />
// The engine's door (extension/src/engine/factsSchema.ts) against a full JSON Schema validator
// (ajv, test-only: the extension's CSP forbids its generated code) on the same facts.schema.json:
// the reference fixtures, every vector, the edge cases and the refused ones must get the same
// verdict, and a refusal names the field.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, test } from "vitest";
import { FactsError, validateFacts } from "../../../extension/src/engine";
import { readJson } from "./rulesDir";

const ROOT = join(__dirname, "..", "..", "..");
const SCHEMA = readJson(join(ROOT, "shared_rules", "facts.schema.json")) as Record<string, unknown>;
const ajv = new Ajv2020({ strict: false, allErrors: false });
const reference = ajv.compile(SCHEMA);

function door(facts: unknown): string | null {
  try {
    validateFacts(facts);
    return null;
  } catch (error) {
    if (error instanceof FactsError) return error.field;
    throw error;
  }
}

const fixtures = join(ROOT, "tests", "fixtures", "marketplace", "expected");
const vectorsDir = join(ROOT, "shared_rules", "vectors");
const edge = readJson(join(ROOT, "tests", "js", "engine", "edge_cases.json")) as {
  cases: { name: string; facts: unknown }[];
  refused: { name: string; facts: unknown; field: string }[];
};
const accepted: [string, unknown][] = [
  ...readdirSync(fixtures).filter((n) => n.startsWith("solution_") && n.endsWith(".json"))
    .map((n) => [`fixture ${n}`, readJson(join(fixtures, n))] as [string, unknown]),
  ...readdirSync(vectorsDir).filter((n) => n.endsWith(".json")).flatMap((n) =>
    (readJson(join(vectorsDir, n)) as { cases: { name: string; facts: unknown }[] }).cases
      .map((c) => [`vector ${n}: ${c.name}`, c.facts] as [string, unknown])),
  ...edge.cases.map((c) => [`edge ${c.name}`, c.facts] as [string, unknown]),
];

describe("accepted by both", () => {
  test.each(accepted)("%s", (_name, facts) => {
    expect(reference(facts)).toBe(true);
    expect(door(facts)).toBeNull();
  });
});

describe("refused by both, naming the field", () => {
  test.each(edge.refused.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(reference(c.facts)).toBe(false);
    expect(door(c.facts)).toBe(c.field);
  });
});

test("a schema keyword the door does not know fails loudly", () => {
  expect(() => validateFacts({}, { type: "object", minProperties: 1 })).toThrow(/minProperties/);
});
