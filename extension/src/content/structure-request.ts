// Answers the popup's request for the page's structure report (diagnostics/structure-report.ts).
// Built only when asked: nothing of it runs on page load, and the label patterns are compiled on
// the first request.
import { labelPatterns, type LabelPattern } from "../diagnostics/label-words";
import { parseStructureRequest, type StructureReply } from "../diagnostics/messages";
import { structureReport } from "../diagnostics/structure-report";
import { ext } from "../shared/browser-api";
import type { FactsView } from "../shared/contracts";
import { RULES } from "../shared/rules";

let patterns: LabelPattern[] | null = null;

function reading(facts: FactsView | null) {
  if (!facts) return null;
  const foundBy = (facts.found_by ?? {}) as Record<string, unknown>;
  const extraction = (facts.extraction ?? {}) as Record<string, unknown>;
  return {
    foundBy: Object.fromEntries(Object.entries(foundBy).filter((e): e is [string, string] => typeof e[1] === "string")),
    missingConfirmed: Array.isArray(extraction.missing_confirmed) ? extraction.missing_confirmed.filter((x): x is string => typeof x === "string") : [],
    markupChanged: extraction.markup_changed === true,
  };
}

export function pageStructure(doc: Document, url: string, facts: FactsView | null): StructureReply {
  patterns ??= labelPatterns(RULES.labels);
  return { kind: "structure", text: structureReport(doc, { url, labels: patterns, reading: reading(facts) }) };
}

export function listenForStructureRequests(facts: () => FactsView | null): void {
  ext().runtime.onMessage.addListener((msg: unknown, _sender, sendResponse) => {
    if (!parseStructureRequest(msg)) return false;
    sendResponse(pageStructure(document, location.href, facts()));
    return false;
  });
}
