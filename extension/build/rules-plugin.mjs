// esbuild plugin: the rules shipped inside the build (SPEC §2: data in the package, never fetched).
//  * "mpcheck:rules-bundle" (shared/rules.ts) is the RulesBundle {version, scoring, criteria, labels};
//  * the extractor's own `import … from "…/shared_rules/labels.json"` (extract/label_table.ts, which vitest
//    also resolves without this plugin) is pointed at the SAME labels.json of the rules dir,
// and the bundle's `labels` imports that module, so the label table is bundled ONCE and the
// extractor and the engine can never read two different tables (MPCHECK_RULES_DIR included).
// Both are emitted as JSON.parse("…"): for tens of KB V8 parses a JSON string faster than the
// equivalent object literal, and the values are the same.
import { join } from "node:path";

const LABELS_IMPORT = /(^|[\\/])shared_rules[\\/]labels\.json$/;
// The label table's documentation: why a pattern exists, how sure we are, which evidence (DOM.md).
// Half of labels.json; neither extractor reads it, and the content script compiles in every tab.
// "about" and "$schema" only at the top: `tabs.about` is the description tab.
const LABEL_DOCS = new Set(["comment", "conf", "evidence"]);
const TOP_DOCS = new Set(["$schema", "about"]);

function withoutDocs(value) {
  if (Array.isArray(value)) return value.map(withoutDocs);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !LABEL_DOCS.has(k)).map(([k, v]) => [k, withoutDocs(v)]));
}

/** The label table as the extension ships it: without its documentation keys. */
export function shippedLabels(labels) {
  return withoutDocs(Object.fromEntries(Object.entries(labels).filter(([k]) => !TOP_DOCS.has(k))));
}

function jsonModule(value) {
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});\n`;
}

/** `bundle` from readRulesBundle(rulesDir); `labels` is left out and imported from labels.json. */
export function rulesPlugin(bundle, rulesDir) {
  const labelsPath = join(rulesDir, "labels.json");
  const { labels, ...rest } = bundle;
  return {
    name: "mpcheck-rules",
    setup(b) {
      b.onResolve({ filter: /^mpcheck:rules-bundle$/ }, () => ({ path: "rules-bundle", namespace: "mpcheck-rules" }));
      const labelsModule = () => ({ path: labelsPath, namespace: "mpcheck-labels" });
      b.onResolve({ filter: LABELS_IMPORT }, labelsModule);
      b.onResolve({ filter: /^mpcheck:labels$/ }, labelsModule);
      b.onLoad({ filter: /.*/, namespace: "mpcheck-labels" }, () => ({ contents: jsonModule(shippedLabels(labels)), loader: "js" }));
      b.onLoad({ filter: /.*/, namespace: "mpcheck-rules" }, () => ({
        // key order as readRulesBundle returns it: version, scoring, criteria, labels
        contents: `import labels from "mpcheck:labels";\n` +
          `export default Object.assign(JSON.parse(${JSON.stringify(JSON.stringify(rest))}), { labels });\n`,
        loader: "js",
      }));
    },
  };
}
