// esbuild plugin: "mpcheck:locales" is every _locales/<locale>/messages.json of the build as
// { default, messages: { <locale>: { key: message } } }. The content script reads its texts from
// it instead of chrome.i18n.getMessage, whose first call in every page fetched the extension's
// message bundle with a synchronous IPC (about 8 ms of the page's main thread in CPU profiles of
// bench/extension_bench.py runs, 2026-12-01). Same files, so the texts cannot drift.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** { default, messages } from `<staticDir>/_locales` and the manifest's default_locale. */
export function readLocales(staticDir) {
  const root = join(staticDir, "_locales");
  const messages = {};
  for (const locale of readdirSync(root).sort()) {
    const raw = JSON.parse(readFileSync(join(root, locale, "messages.json"), "utf8"));
    messages[locale] = Object.fromEntries(Object.entries(raw).map(([key, entry]) => [key, entry.message]));
  }
  const manifest = JSON.parse(readFileSync(join(staticDir, "manifest.base.json"), "utf8"));
  return { default: manifest.default_locale, messages };
}

export function localesPlugin(staticDir) {
  return {
    name: "mpcheck-locales",
    setup(b) {
      b.onResolve({ filter: /^mpcheck:locales$/ }, () => ({ path: "locales", namespace: "mpcheck-locales" }));
      b.onLoad({ filter: /.*/, namespace: "mpcheck-locales" }, () => ({
        contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(readLocales(staticDir)))});\n`,
        loader: "js",
      }));
    },
  };
}
