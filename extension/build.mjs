// Builds the extension for both targets: `node extension/build.mjs [--zip]`.
//   extension/dist/chrome   (background.service_worker)
//   extension/dist/firefox  (background.scripts + gecko settings)
// TypeScript is bundled by esbuild into classic scripts (IIFE): content scripts cannot be ES
// modules, and one format keeps the worker valid both as a Chromium service worker and as a
// Firefox background script. Rules come from shared_rules/ through the virtual module
// "mpcheck:rules-bundle", so they are data inside the package, never fetched.
import { build } from "esbuild";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ICON_SIZES, iconPng } from "./build/icons.mjs";
import { localesPlugin } from "./build/locales-plugin.mjs";
import { manifestFor } from "./build/manifest.mjs";
import { readRulesBundle } from "./build/rules-bundle.mjs";
import { rulesPlugin } from "./build/rules-plugin.mjs";
import { zipDirectory } from "./build/zip.mjs";

const EXT_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(EXT_DIR);
const RULES_DIR = process.env.MPCHECK_RULES_DIR ?? join(ROOT, "shared_rules");
const DIST = join(EXT_DIR, "dist");

export const TARGETS = {
  chrome: { esbuildTarget: ["chrome120"] },
  firefox: { esbuildTarget: ["firefox140"] },
};

const ENTRIES = {
  content: "src/content/main.ts",
  worker: "src/worker/main.ts",
  popup: "src/popup/main.ts",
  options: "src/options/main.ts",
  compare: "src/compare/main.ts",
};

// V8's compile hint (`//# allFunctionsCalledOnLoad`) would compile the content bundle when it is
// injected at document_start instead of on first call. It makes our own Performance marks ~10-15 ms
// smaller only by moving the compile in front of the Marketplace page's own parsing (on the
// solution fixture, page load with the extension was ~184 ms with the hint vs ~150-158 ms without
// in bench/extension_bench.py runs on 2026-11-27; noisy, 2 shared cores). The page comes first, so
// every bundle compiles lazily; list an entry here to try the hint again.
const EAGER = new Set([]);
const COMPILE_HINT = "//# allFunctionsCalledOnLoad";

// Minified: the content script only. Every Marketplace tab compiles it again inside the page's
// parsing (traces in bench/extension_bench.py runs: v8.compile 4.5-6.5 ms of the 290 KB bundle in
// each load), and its size is what that costs; the extension's own pages stay readable. Identifiers are
// kept, so stack traces in bug reports still name our functions; the readable source of every
// bundle is this repository (AMO accepts minified code with the source and this build script).
const MINIFIED = new Set(["content"]);

async function buildTarget(target, { bundle, version }) {
  const out = join(DIST, target);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, "icons"), { recursive: true });
  cpSync(join(EXT_DIR, "static"), out, {
    recursive: true,
    filter: (src) => !src.endsWith("manifest.base.json"),
  });
  const base = JSON.parse(readFileSync(join(EXT_DIR, "static", "manifest.base.json"), "utf8"));
  writeFileSync(join(out, "manifest.json"), JSON.stringify(manifestFor(target, base, version), null, 2) + "\n");
  for (const size of ICON_SIZES) writeFileSync(join(out, "icons", `icon-${size}.png`), iconPng(size));
  await Promise.all(Object.entries(ENTRIES).map(([name, src]) => build({
    entryPoints: { [name]: join(EXT_DIR, src) },
    banner: EAGER.has(name) ? { js: COMPILE_HINT } : {},
    outdir: out,
    bundle: true,
    format: "iife",
    target: TARGETS[target].esbuildTarget,
    charset: "utf8",
    legalComments: "none",
    minifyWhitespace: MINIFIED.has(name),
    minifySyntax: MINIFIED.has(name),
    logLevel: "warning",
    plugins: [rulesPlugin(bundle, RULES_DIR), localesPlugin(join(EXT_DIR, "static"))],
  })));
  return out;
}

export async function buildAll({ zip = false } = {}) {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const bundle = readRulesBundle(RULES_DIR);
  for (const target of Object.keys(TARGETS)) {
    const out = await buildTarget(target, { bundle, version: pkg.version });
    console.log(`built ${out} (rules ${bundle.version.slice(0, 12)})`);
    if (zip) {
      const file = join(DIST, `mpcheck-${target}-${pkg.version}.zip`);
      console.log(`packed ${file} (${zipDirectory(out, file)} files)`);
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  buildAll({ zip: process.argv.includes("--zip") }).catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
