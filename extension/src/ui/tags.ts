// The names of the elements mpcheck adds to a Marketplace page. Kept apart from the modules that
// render them so the page observer can recognise its own insertions without loading the renderers.
export const BADGE_TAG = "mpcheck-badge";
export const LIST_TAG = "mpcheck-list";
