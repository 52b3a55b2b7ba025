/// <reference types="node" />
// Node-side loading of a shared_rules directory into the engine's RulesBundle, for the tests and
// score_cli.ts (the extension gets the same bundle from extension/build/rules-bundle.mjs at build time).
// The version is backend/mpcheck/rules.py::rules_fingerprint, byte for byte.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { CriterionId, CriterionRule, RulesBundle, Scoring } from "../../../extension/src/engine";

const VECTORS_DIR = "vectors";

/** Python's str ordering: by code point (JS `<` compares UTF-16 code units). */
function byCodePoint(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0) ?? 0);
  const y = Array.from(b, (c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** Every *.json below dir as posix relative paths, skipping the top-level vectors/ (rglob order aside). */
function jsonFiles(root: string, rel = ""): string[] {
  const out: string[] = [];
  for (const name of readdirSync(rel === "" ? root : join(root, rel))) {
    const child = rel === "" ? name : `${rel}/${name}`;
    if (statSync(join(root, child)).isDirectory()) {
      if (child !== VECTORS_DIR) out.push(...jsonFiles(root, child));
    } else if (name.endsWith(".json")) {
      out.push(child);
    }
  }
  return out;
}

/** sha256 over `relpath \0 bytes \0` of every rules JSON file except vectors, in sorted path order. */
export function rulesFingerprint(rulesDir: string): string {
  const digest = createHash("sha256");
  for (const rel of jsonFiles(rulesDir).sort(byCodePoint)) {
    digest.update(Buffer.from(rel, "utf8"));
    digest.update("\0");
    digest.update(readFileSync(join(rulesDir, rel)));
    digest.update("\0");
  }
  return digest.digest("hex");
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8"));
}

/** scoring.json + criteria/<id>.json for every id in criteria_order, as read_rules does (minus schema checks). */
export function readRules(rulesDir: string): RulesBundle {
  const scoring = readJson(join(rulesDir, "scoring.json")) as Scoring;
  const criteria = {} as Record<CriterionId, CriterionRule>;
  for (const cid of scoring.criteria_order) {
    const rule = readJson(join(rulesDir, "criteria", `${cid}.json`)) as CriterionRule;
    if (rule.id !== cid) throw new Error(`${cid}.json: id is ${JSON.stringify(rule.id)}, must match the file name`);
    criteria[cid] = rule;
  }
  return { version: rulesFingerprint(rulesDir), scoring, criteria };
}
