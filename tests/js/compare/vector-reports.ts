/// <reference types="node" />
// Expands the compact candidates of shared_rules/vectors/comparison/compare.json into reports.
// Twin of tests/python/compare/vector_reports.py: both runners build the same reports for a case.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const RULES_DIR = join(__dirname, "..", "..", "..", "shared_rules");
export const VECTORS_DIR = join(RULES_DIR, "vectors", "comparison");
const ORDER = ["demo", "support", "reviews", "updates", "developer", "packaging", "cases", "price", "account_manager"];
const KNOWN = ["good", "warn", "bad"];

type Json = Record<string, unknown>;
export interface VectorCase { name: string; today?: string; candidates: Json[]; expect: Json }
interface VectorFile { today: string; max_points: Record<string, number>; bonus: string[]; headline_keys: Record<string, string>; cases: VectorCase[] }

export const VECTORS: VectorFile = JSON.parse(readFileSync(join(VECTORS_DIR, "compare.json"), "utf8"));

const texts = new Map<string, Json>();
function criterionTexts(id: string): Json {
  if (!texts.has(id)) {
    const rule = JSON.parse(readFileSync(join(RULES_DIR, "criteria", `${id}.json`), "utf8")) as Json;
    texts.set(id, { title: rule.title, check_yourself: rule.check_yourself });
  }
  return texts.get(id) as Json;
}

export function expand(spec: Json): Json {
  const headline = typeof spec.headline === "string" ? { status: spec.headline, key: VECTORS.headline_keys[spec.headline] } : spec.headline;
  const statuses = spec.statuses as Record<string, string>;
  const partial = (spec.partial ?? {}) as Record<string, [number, number]>;
  const criteria = ORDER.map((id, index) => {
    const status = statuses[id] ?? "unknown";
    const [known, weight] = partial[id] ?? (KNOWN.includes(status) ? [1, 1] : [0, 1]);
    return {
      id, step: index + 1, status, max_points: VECTORS.max_points[id], bonus: VECTORS.bonus.includes(id),
      known_weight: known, weight, unknown_reason: status === "unknown" ? "not_on_page" : null, ...criterionTexts(id),
    };
  });
  const counted = criteria.filter((c) => c.status !== "not_applicable");
  const knownCount = counted.filter((c) => KNOWN.includes(c.status)).length;
  return {
    schema: "mpcheck.report/1", rules_version: "vector", code: spec.code, name: spec.name,
    profile: { id: spec.profile ?? "module", chosen_by: "kind" }, score: spec.score,
    coverage: Math.floor((knownCount * 100) / counted.length + 0.5) / 100, headline, criteria,
  };
}

export function caseInput(c: VectorCase): { reports: Json[]; facts: unknown[]; today: string } {
  return { reports: c.candidates.map(expand), facts: c.candidates.map((s) => s.facts), today: c.today ?? VECTORS.today };
}
