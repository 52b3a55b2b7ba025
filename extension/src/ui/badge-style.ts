// Styles live inside the shadow root so the Marketplace's CSS cannot reach the badge and ours
// cannot leak into the page. A <style> element (not adoptedStyleSheets) because Firefox content
// scripts cannot assign adoptedStyleSheets across the Xray boundary.
import { PALETTE_CSS, STATUS_RULES_CSS } from "./palette";

/** Shared by the in-page badge and the popup (which applies it under :root). */
export const COMMON_CSS = `
${STATUS_RULES_CSS}
.mp-badge { border: 1px solid var(--mp-line); border-left: 6px solid var(--mp-fg); background: #fff; border-radius: 6px; padding: 8px 12px; max-width: 760px; }
.mp-summary { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 10px; }
.mp-name { font-weight: 700; }
.mp-score { font-weight: 700; color: var(--mp-fg); }
.mp-icon { display: inline-block; min-width: 1.3em; height: 1.3em; line-height: 1.3em; text-align: center; border-radius: 50%; font-weight: 700; color: #fff; background: var(--mp-fg); }
.mp-status-word, .mp-row-status { color: var(--mp-fg); font-weight: 600; }
.mp-coverage, .mp-profile, .mp-row-signals, .mp-partner, .mp-muted, .mp-hint { color: var(--mp-muted); }
.mp-profile-by { color: var(--mp-muted); margin-left: -6px; }
.mp-profile-by::before { content: "— "; }
.mp-headline { margin: 4px 0; }
.mp-partner, .mp-hint { margin: 2px 0; font-size: 12px; }
.mp-since { margin: 4px 0; padding: 2px 8px; border-left: 3px solid var(--mp-focus); background: #eef3fc; }
.mp-actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-top: 6px; }
button { font: inherit; color: #0b3d91; background: #fff; border: 1px solid #0b3d91; border-radius: 4px; padding: 3px 10px; cursor: pointer; }
button:hover { background: #eef3fc; }
button:focus-visible, a:focus-visible { outline: 3px solid var(--mp-focus); outline-offset: 2px; }
.mp-compare-status { font-size: 12px; color: var(--mp-muted); }
.mp-rows { list-style: none; margin: 8px 0 0; padding: 0; }
.mp-row { border-top: 1px solid var(--mp-line); padding: 6px 0; background: transparent; }
.mp-row-head { display: flex; gap: 8px; align-items: baseline; }
.mp-row-title { font-weight: 600; flex: 1; }
.mp-message { margin: 2px 0 0 2.1em; }
[hidden] { display: none !important; }
`;

export const BADGE_CSS = `
:host { all: initial; display: block; margin: 8px 0 12px; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1c1f24; ${PALETTE_CSS} }
${COMMON_CSS}`;

/** The catalog badge needs a fraction of the rules; 50 cards parse this 50 times. */
export const MINI_CSS = `
:host { all: initial; display: inline-block; width: 5.2em; height: 1.7em; margin: 0 0 0 6px; vertical-align: middle; contain: strict; font: 700 12px/1.7em system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; ${PALETTE_CSS} }
${STATUS_RULES_CSS}
.mp-mini { display: flex; align-items: center; justify-content: center; gap: 3px; width: 100%; height: 100%; box-sizing: border-box; border: 1px solid var(--mp-fg); border-radius: 4px; background: var(--mp-bg); color: var(--mp-fg); white-space: nowrap; overflow: hidden; }
.mp-icon { display: inline-block; min-width: 1.2em; height: 1.2em; line-height: 1.2em; text-align: center; border-radius: 50%; font-size: 10px; color: #fff; background: var(--mp-fg); }
`;

export const PAGE_CSS = `
:root { ${PALETTE_CSS} }
${COMMON_CSS}`;
