// Status colours chosen for WCAG AA: each text colour has >= 4.5:1 contrast on white and on its
// own tint background. Colour is only a hint; icon + word carry the status (status-icon.ts).
export const PALETTE_CSS = `
  --mp-good: #1b6e35; --mp-good-bg: #e8f5ec;
  --mp-warn: #7a4a00; --mp-warn-bg: #fff4e0;
  --mp-bad: #a4261d; --mp-bad-bg: #fdecea;
  --mp-unknown: #4a4f57; --mp-unknown-bg: #f1f3f5;
  --mp-not_applicable: #4a4f57; --mp-not_applicable-bg: #f1f3f5;
  --mp-ink: #1c1f24; --mp-muted: #4a4f57; --mp-line: #c9ced6; --mp-focus: #0b57d0;
`;

export const STATUS_RULES_CSS = ["good", "warn", "bad", "unknown", "not_applicable"]
  .map(
    (s) =>
      `[data-status="${s}"] { --mp-fg: var(--mp-${s}); --mp-bg: var(--mp-${s}-bg); }`,
  )
  .join("\n");
