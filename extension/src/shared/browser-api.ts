// The ONE module that touches the WebExtension global. Firefox exposes promise-based `browser`,
// Chromium exposes `chrome` (promise-based too in MV3), so `self.browser ?? self.chrome` gives one
// API without webextension-polyfill (retired; see STYLE.md). Everything else imports `ext()`.
// Typed as `chrome` because @types/chrome is what the project ships; the subset we use
// (runtime, storage, tabs, i18n, permissions) has the same shape in both browsers.

type Api = typeof chrome;

export function ext(): Api {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  const api = g.browser ?? g.chrome;
  if (!api?.runtime) throw new Error("mpcheck: WebExtension API is not available here");
  return api;
}
