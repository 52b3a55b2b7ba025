// The message key (locales) said after each "add to / remove from the comparison" result, shared by
// every place that offers the toggle (shared/compare-toggle.ts) and the badge that shows it.
import type { ToggleResult } from "../shared/shortlist";

export const TOGGLE_MESSAGE = {
  added: "compareAdded", already: "compareAlready", full: "compareFull", removed: "compareRemoved",
} as const satisfies Record<ToggleResult, string>;

export type ToggleMessage = (typeof TOGGLE_MESSAGE)[ToggleResult];
