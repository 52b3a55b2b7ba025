// The extension's DOM extractor (SPEC §3, DOM.md §10): label-first, selector fallbacks from the
// shared table shared_rules/labels.json, the same procedure and values as the Python extractor.
// The content script (content/extract-facts.ts) is the only caller in the extension.
export { extractSolution, extractSolutionInSteps } from "./solution";
export { extractListingCards, type ListingCard } from "./listing";
export { detectPageTypeFromMarkup } from "./page";
