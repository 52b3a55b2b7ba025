/// <reference types="node" />
// The number rules (docs/ENGINE-NUMBERS.md) on their shared vectors; the Python engine runs the
// same file in tests/python/engine/test_numbers.py.
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { formatValue } from "../../../extension/src/engine/formatting";
import type { Lang } from "../../../extension/src/engine";
import { readJson, readRules } from "./rulesDir";

const RULES_DIR = join(__dirname, "..", "..", "..", "shared_rules");
const NUMBERS = readRules(RULES_DIR).scoring.numbers;
interface NumberCase { value: unknown; format: string; text: Record<Lang, string>; why: string }
const CASES = (readJson(join(RULES_DIR, "vectors", "numbers", "format.json")) as { cases: NumberCase[] }).cases;

describe.each(["ru", "en"] as const)("%s", (lang) => {
  test.each(CASES.map((c) => [`${JSON.stringify(c.value)} ${c.format}`, c] as const))("%s", (_name, c) => {
    expect(formatValue(c.value, c.format, NUMBERS[lang])).toBe(c.text[lang]);
  });
});
