// The only bridge from the content script to the DOM extractor (extension/src/extract, its own
// module): the rest of the shell works with the structural FactsView.
import { extractSolution, extractListingCards } from "../extract";
import type { FactsView } from "../shared/contracts";

export interface CardFacts {
  code: string;
  element: Element;
  facts: Record<string, unknown>;
}

export function readSolutionFacts(doc: Document, url: string): FactsView {
  return extractSolution(doc, url) as unknown as FactsView;
}

export function readListingCards(doc: Document, url: string): CardFacts[] {
  return extractListingCards(doc, url).map((card) => ({
    code: card.code,
    element: card.element,
    facts: card.facts as unknown as Record<string, unknown>,
  }));
}
