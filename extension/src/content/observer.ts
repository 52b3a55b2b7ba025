// One MutationObserver on the page content, debounced: the Marketplace pages reviews/comments and
// filters catalogs in place (DOM.md §10.6). Our own badge insertions are ignored so a run never
// triggers itself.
const OWN_TAG = "MPCHECK-BADGE";

function isOwnNode(node: Node): boolean {
  return node.nodeName === OWN_TAG;
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
