// One MutationObserver on the page content, debounced: the Marketplace pages reviews/comments and
// filters catalogs in place (DOM.md §10.6). Our own insertions (badges, the list control above a
// catalog) are ignored so a run never triggers itself.
import { BADGE_TAG, LIST_TAG } from "../ui/tags";

const OWN_TAGS = new Set([BADGE_TAG, LIST_TAG].map((tag) => tag.toUpperCase()));

function isOwnNode(node: Node): boolean {
  return OWN_TAGS.has(node.nodeName);
}

export function isOwnMutation(record: MutationRecord): boolean {
  const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  return nodes.length > 0 && nodes.every(isOwnNode);
}

export function observeContent(root: Node, onChange: () => void, delayMs = 300): MutationObserver {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    if (records.every(isOwnMutation)) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, delayMs);
  });
  observer.observe(root, { childList: true, subtree: true });
  return observer;
}
