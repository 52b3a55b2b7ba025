// Listing cards yield partial facts; the engine expects the full mpcheck.facts/1 shape where
// anything not seen is null (SPEC §3: unknown = null, never a guess).
import type { FactsView } from "./contracts";

const NULL_FIELDS = [
  "kind", "withdrawn", "partner", "price", "demo", "installs", "published", "updated", "version",
  "rating", "reviews", "comments", "changelog", "support", "links", "editions", "adaptive", "composite",
] as const;

export function solutionUrl(code: string): string {
  return `https://marketplace.1c-bitrix.ru/solutions/${code}/`;
}

export function completeFacts(partial: Record<string, unknown>, code: string): FactsView {
  const facts: FactsView = {
    schema: "mpcheck.facts/1",
    page_type: "solution",
    url: solutionUrl(code),
    code,
    name: null,
    partner: null,
  };
  for (const key of NULL_FIELDS) facts[key] = null;
  for (const [key, value] of Object.entries(partial)) {
    if (value !== undefined && key !== "schema") facts[key] = value;
  }
  facts.code = code;
  return facts;
}
