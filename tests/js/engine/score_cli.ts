/// <reference types="node" />
// A tiny node entry around the TypeScript engine, for tests/python/engine/test_cross_engine.py
// (bundled on the fly with esbuild; not part of the extension).
//   node score_cli.mjs <rules_dir> <facts.json> <today> [profile|-] [disabled,ids]  -> one report
//   node score_cli.mjs <rules_dir> --batch   stdin: JSON lines {facts, today, profile?, disabled?}
//                                            stdout: one report, {"error": "invalid_facts", "field"}
//                                            for facts the door refuses, or {"error": ...}, per line
//   node score_cli.mjs <rules_dir> --version -> the rules fingerprint
import { readFileSync } from "node:fs";
import { buildReport, FactsError, type Facts, type RulesBundle } from "../../../extension/src/engine";
import { readJson, readRules, rulesFingerprint } from "./rulesDir";

interface Job { facts: Facts; today: string; profile?: string | null; disabled?: string[] }

function score(rules: RulesBundle, job: Job): string {
  const report = buildReport(job.facts, rules, {
    today: job.today,
    profile: job.profile ?? null,
    disabled: job.disabled ?? [],
  });
  return JSON.stringify(report);
}

function batch(rules: RulesBundle): void {
  const lines = readFileSync(0, "utf8").split("\n").filter((line) => line.trim() !== "");
  const out = lines.map((line) => {
    try {
      return score(rules, JSON.parse(line) as Job);
    } catch (error) {
      if (error instanceof FactsError) return JSON.stringify({ error: "invalid_facts", field: error.field, message: error.message });
      return JSON.stringify({ error: String(error) });
    }
  });
  process.stdout.write(out.map((line) => `${line}\n`).join(""));
}

function main(argv: readonly string[]): number {
  const [rulesDir, factsPath, today, profile, disabled] = argv;
  if (rulesDir === undefined || factsPath === undefined) {
    process.stderr.write("usage: score_cli <rules_dir> (--batch | --version | <facts.json> <today> [profile|-] [ids])\n");
    return 2;
  }
  if (factsPath === "--version") {
    process.stdout.write(`${rulesFingerprint(rulesDir)}\n`);
    return 0;
  }
  const rules = readRules(rulesDir);
  if (factsPath === "--batch") {
    batch(rules);
    return 0;
  }
  if (today === undefined) {
    process.stderr.write("score_cli: today (YYYY-MM-DD) is required\n");
    return 2;
  }
  const job: Job = {
    facts: readJson(factsPath) as Facts,
    today,
    profile: profile === undefined || profile === "-" ? null : profile,
    disabled: disabled === undefined || disabled === "" ? [] : disabled.split(","),
  };
  process.stdout.write(`${score(rules, job)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
