/// <reference types="node" />
// A tiny node entry around the TypeScript comparison, for tests/python/compare/test_cross_engine.py
// (bundled on the fly with esbuild; not part of the extension).
//   node compare_cli.mjs <rules_dir>   stdin: JSON lines {reports, facts, today}
//                                      stdout: one mpcheck.comparison/1 (or {"error": ...}) per line
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compare } from "../../../extension/src/compare/comparison";
import { readComparisonRules } from "../../../extension/src/compare/rules";
import { rulesFingerprint } from "../engine/rulesDir";

interface Job { reports: unknown[]; facts: unknown[]; today: string }

function main(argv: readonly string[]): number {
  const [rulesDir] = argv;
  if (rulesDir === undefined) {
    process.stderr.write("usage: compare_cli <rules_dir> < jobs.jsonl\n");
    return 2;
  }
  const data: unknown = JSON.parse(readFileSync(join(rulesDir, "comparison.json"), "utf8"));
  const scoring = JSON.parse(readFileSync(join(rulesDir, "scoring.json"), "utf8")) as { numbers: Parameters<typeof readComparisonRules>[2] };
  const rules = readComparisonRules(data, rulesFingerprint(rulesDir), scoring.numbers);
  const lines = readFileSync(0, "utf8").split("\n").filter((line) => line.trim() !== "");
  const out = lines.map((line) => {
    try {
      const job = JSON.parse(line) as Job;
      return JSON.stringify(compare(job.reports, job.facts, rules, job.today));
    } catch (error) {
      return JSON.stringify({ error: String(error) });
    }
  });
  process.stdout.write(out.map((line) => `${line}\n`).join(""));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
