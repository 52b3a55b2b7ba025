// Rules are bundled at BUILD time (store policy forbids executing remotely fetched rules, SPEC §2).
// The version must equal the backend's rules_version, so the recipe is fixed by contract:
// sha256 over every shared_rules/**/*.json except vectors/, sorted by posix relative path, of
// `relpath \0 bytes \0`.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { caselessLabels } from "./caseless.mjs";

function listJson(dir, root = dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const rel = relative(root, full).split(sep).join("/");
    if (statSync(full).isDirectory()) {
      if (rel !== "vectors") out.push(...listJson(full, root));
    } else if (name.endsWith(".json")) {
      out.push(rel);
    }
  }
  return out;
}

/** Byte-wise (code unit) sort, same order as Python's sorted() on ASCII posix paths. */
export function rulesFiles(rulesDir) {
  return listJson(rulesDir).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function rulesVersion(rulesDir) {
  const hash = createHash("sha256");
  for (const rel of rulesFiles(rulesDir)) {
    hash.update(rel, "utf8");
    hash.update("\0");
    hash.update(readFileSync(join(rulesDir, rel)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

function readJson(path) {
  return JSON.parse(readFileSync(path, "utf8"));
}

/**
 * { version, scoring, criteria: {id: rule}, labels } — the RulesBundle the engine takes. `labels` is
 * labels.json with its patterns case-closed for flags "u" (caseless.mjs: the same matches as "iu",
 * cheaper for V8 to compile in every fresh tab); the version hashes the files as they are.
 */
export function readRulesBundle(rulesDir) {
  const criteriaDir = join(rulesDir, "criteria");
  const criteria = {};
  for (const name of readdirSync(criteriaDir).filter((n) => n.endsWith(".json")).sort()) {
    criteria[name.slice(0, -".json".length)] = readJson(join(criteriaDir, name));
  }
  if (Object.keys(criteria).length === 0) throw new Error(`no criteria in ${criteriaDir}`);
  return {
    version: rulesVersion(rulesDir),
    scoring: readJson(join(rulesDir, "scoring.json")),
    criteria,
    labels: caselessLabels(readJson(join(rulesDir, "labels.json"))),
  };
}
