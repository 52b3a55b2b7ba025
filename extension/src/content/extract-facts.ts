// The only bridge from the content script to the DOM extractor (extension/src/extract, another
// module's job).
import { extractFacts, extractListingCards } from "../extract";
import type { FactsView } from "../shared/contracts";

export interface CardFacts {
  code: string;
  element: Element;
  facts: Record<string, unknown>;
}

export function readSolutionFacts(doc: Document, url: string): FactsView {
  return extractFacts(doc, url) as unknown as FactsView;
}

export function readListingCards(doc: Document, url: string): CardFacts[] {
  return extractListingCards(doc, url) as unknown as CardFacts[];
}
