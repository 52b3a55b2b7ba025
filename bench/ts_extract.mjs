// Runs the extension's TypeScript extractor (extension/src/extract) on saved pages under Node, the
// way the content script sees them: bytes decoded as a browser would (bench/decode_page.mjs: BOM, then
// BOM-less UTF-16 by its NULs, then <meta charset>, then UTF-8), parsed by jsdom's DOMParser (no
// scripts run, nothing fetched).
// usage: node bench/ts_extract.mjs TODAY URL=FILE [URL=FILE ...]  → one JSON object {file: facts}
import { build } from "esbuild";
import { JSDOM } from "jsdom";
import { readFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { decodePage } from "./decode_page.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

const [today, ...pairs] = process.argv.slice(2);
const out = await build({
  entryPoints: [join(ROOT, "extension", "src", "extract", "index.ts")],
  bundle: true, format: "esm", platform: "neutral", write: false, logLevel: "error",
});
const dir = mkdtempSync(join(tmpdir(), "mpcheck-ts-extract-"));
const bundle = join(dir, "extract.mjs");
writeFileSync(bundle, out.outputFiles[0].text);
const { window } = new JSDOM("<!doctype html><html></html>");
for (const name of ["DOMParser", "Node", "NodeFilter", "Element", "HTMLElement", "Document", "document", "XMLSerializer", "getComputedStyle"]) {
  if (!(name in globalThis)) globalThis[name] = window[name];
}
const { extractSolution } = await import(pathToFileURL(bundle).href);
const result = {};
for (const pair of pairs) {
  const at = pair.indexOf("=");
  const url = pair.slice(0, at);
  const file = pair.slice(at + 1);
  const doc = new window.DOMParser().parseFromString(decodePage(readFileSync(file)), "text/html");
  try {
    result[file] = extractSolution(doc, url, today);
  } catch (e) {
    result[file] = { error: String(e) };
  }
}
process.stdout.write(JSON.stringify(result));
