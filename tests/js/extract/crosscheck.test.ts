// @vitest-environment jsdom
// Cross-engine check: for every solution fixture, the TypeScript facts deep-equal the facts the
// Python extractor prints (`mpcheck facts FILE --json`), generated on the fly. Only `found_by`
// and `extraction.sources` KEY ORDER is not compared (their contents are). The DOM route has no
// legitimate difference on these fixtures; see DIFFERENCES for the documented exceptions (none).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractSolution } from "../../../extension/src/extract";
import { ALL_SOLUTIONS, FIXTURES, ROOT, pageDocument, readPage } from "./helpers";

const PYTHON = join(ROOT, ".venv", "bin", "python");
const HAVE_PYTHON = existsSync(PYTHON);
// In CI the cross-check is required: a missing venv fails the run instead of skipping it.
if (process.env.CI && !HAVE_PYTHON) throw new Error(`CI: ${PYTHON} is missing, the TS≡Python cross-check cannot run`);
const FILES = [...ALL_SOLUTIONS.map((f) => f.file), join(FIXTURES, "hostile", "solution_hostile_strings.html")];

/** Field → why the DOM route may differ from lxml (empty: none on the fixtures). */
const DIFFERENCES: Record<string, string> = {};

function pythonFacts(file: string): Record<string, unknown> {
  const out = execFileSync(PYTHON, ["-m", "mpcheck.cli.main", "facts", file, "--json"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, PYTHONPATH: join(ROOT, "backend") },
  });
  return JSON.parse(out) as Record<string, unknown>;
}

function comparable(facts: Record<string, unknown>): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(facts)) as Record<string, unknown>;
  for (const key of Object.keys(DIFFERENCES)) delete copy[key];
  return copy;
}

describe.skipIf(!HAVE_PYTHON)("TS facts equal Python facts", () => {
  for (const file of FILES) {
    it(file.slice(FIXTURES.length + 1), () => {
      const want = comparable(pythonFacts(file));
      const got = comparable(extractSolution(pageDocument(readPage(file)), "") as unknown as Record<string, unknown>);
      expect(got).toEqual(want); // toEqual ignores key order, so found_by / sources order never matters
    });
  }
});

if (!HAVE_PYTHON) {
  describe("TS facts equal Python facts", () => {
    it.skip(`skipped: ${PYTHON} is missing (create the venv, e.g. \`make run\`, to enable the cross-check)`, () => undefined);
  });
}
