// Times the TypeScript scoring engine the way the shell calls it (extension/src/shared/evaluate.ts
// -> engine buildReport, default settings) on (a) catalog card facts, as the content script builds
// them from tests/fixtures/marketplace/catalog_category_listing.html, and (b) a full solution page's
// facts (tests/fixtures/marketplace/expected/solution_module_paid_demo14_active.json).
// SPEC §10: a 50-card catalog within 50 ms of main thread, of which evaluate is one part.
//
// usage: node bench/engine_bench.mjs [--base DIR] [--rounds 15] [--calls 400] [--cold 7] [--mutations 0] [--json]
//   --base DIR  another checkout (e.g. a git worktree of an older commit, node_modules symlinked):
//               its engine is bundled too and timed in the SAME run, rounds alternating which goes
//               first, so load on the shared machine hits both alike; prints medians and ratios.
//               Both engines read this checkout's shared_rules/, and their reports must be
//               byte-identical (JSON text) on every input, else the script fails.
//   --cold N    also N fresh node processes per engine, each timing its FIRST 50 calls (the
//               catalog's cards in turn, as one catalog pass scores them): code not yet compiled
//               or optimised, the state a Marketplace tab's content script is in. Median total ms.
//   --mutations N  with --base: also N seeded random mutations of the fixtures' facts (values of
//               the same type, or odd ones: the schema rejects many), each scored by both engines
//               under varied settings; their reports, or their errors (name, message, field), must
//               be identical, else the script fails.
//   --json      one JSON object on stdout instead of the table (bench/run_all.py reads it).
// Each round times `calls` warm calls per input and engine; a figure is the median per-call time
// over the rounds. Bundled by esbuild as extension/build.mjs does (rules through the same plugin).
/* global process, console, structuredClone */
import { build } from "esbuild";
import { JSDOM } from "jsdom";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { readRulesBundle } from "../extension/build/rules-bundle.mjs";
import { rulesPlugin } from "../extension/build/rules-plugin.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const FIXTURES = join(ROOT, "tests", "fixtures", "marketplace");
const TODAY = "2026-11-27"; // the fixtures' "today" (tests/fixtures/marketplace/expected/README.md)
const CATALOG_URL = "https://marketplace.1c-bitrix.ru/solutions/category/14/";

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at < 0 ? fallback : process.argv[at + 1];
}
const BASE = option("--base", null);
const ROUNDS = Number(option("--rounds", "15"));
const CALLS = Number(option("--calls", "400"));
const COLD = Number(option("--cold", "7"));
const MUTATIONS = Number(option("--mutations", "0"));
const AS_JSON = process.argv.includes("--json");
const CATALOG_CARDS = 50;

const RULES_DIR = join(ROOT, "shared_rules");
const BUNDLE = readRulesBundle(RULES_DIR);
const WORK = mkdtempSync(join(tmpdir(), "mpcheck-engine-bench-"));

/** One ES module from `source` (resolved inside `tree`), imported. */
async function bundled(tree, name, source) {
  const out = await build({
    stdin: { contents: source, resolveDir: tree, loader: "ts" },
    bundle: true, format: "esm", platform: "neutral", write: false, logLevel: "error",
    plugins: [rulesPlugin(BUNDLE, RULES_DIR)],
  });
  const file = join(WORK, `${name}.mjs`);
  writeFileSync(file, out.outputFiles[0].text);
  return Object.assign({ file }, await import(pathToFileURL(file).href));
}

// A fresh process: import the engine, then time its first CATALOG_CARDS calls (one catalog pass).
const COLD_CHILD = `
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
const [engineFile, cardsFile, today, count] = process.argv.slice(2);
const engine = await import(pathToFileURL(engineFile).href);
const cards = JSON.parse(readFileSync(cardsFile, "utf8"));
const cpu = process.cpuUsage();
const start = performance.now();
for (let i = 0; i < Number(count); i += 1) engine.evaluate(cards[i % cards.length], engine.DEFAULT_SETTINGS, today);
const wall = performance.now() - start;
const used = process.cpuUsage(cpu);
process.stdout.write(JSON.stringify({ wall, cpu: (used.user + used.system) / 1000 }));
`;

/**
 * Total ms of the first CATALOG_CARDS calls in fresh processes, {wall, cpu} lists per engine, order
 * alternating. CPU time (the process's, GC threads included) is the steadier figure when other
 * work shares the cores: waiting for a core is in the wall time only.
 */
function measureCold(engines, cards) {
  const child = join(WORK, "cold-child.mjs");
  const cardsFile = join(WORK, "cards.json");
  writeFileSync(child, COLD_CHILD);
  writeFileSync(cardsFile, JSON.stringify(cards));
  const times = engines.map(() => ({ wall: [], cpu: [] }));
  for (let round = 0; round < COLD; round += 1) {
    const order = round % 2 === 0 ? engines.map((_, i) => i) : engines.map((_, i) => i).reverse();
    for (const i of order) {
      const run = spawnSync(process.execPath, [child, engines[i].file, cardsFile, TODAY, String(CATALOG_CARDS)], { encoding: "utf8" });
      if (run.status !== 0) throw new Error(`cold run failed: ${run.stderr}`);
      const { wall, cpu } = JSON.parse(run.stdout);
      times[i].wall.push(wall);
      times[i].cpu.push(cpu);
    }
  }
  return times.map((t) => ({ wall: median(t.wall), cpu: median(t.cpu) }));
}

const engineSource = `
export { evaluate } from "./extension/src/shared/evaluate";
export { DEFAULT_SETTINGS } from "./extension/src/shared/settings";
export { withChecks } from "./extension/src/shared/score-facts";
`;

/** Card facts as the content script scores them: extracted, with the buyer's (empty) checks. */
async function cardFacts(shell) {
  const extract = await bundled(ROOT, "extract", `export { extractListingCards } from "./extension/src/extract";`);
  const { window } = new JSDOM("<!doctype html><html></html>");
  for (const name of ["DOMParser", "Node", "NodeFilter", "Element", "HTMLElement", "Document", "document", "getComputedStyle"]) {
    if (!(name in globalThis)) globalThis[name] = window[name];
  }
  const html = readFileSync(join(FIXTURES, "catalog_category_listing.html"), "utf8");
  const doc = new window.DOMParser().parseFromString(html, "text/html");
  const cards = extract.extractListingCards(doc, CATALOG_URL);
  if (cards.length === 0) throw new Error("no cards read from the catalog fixture");
  return cards.map((card) => shell.withChecks(card.facts, {}));
}

function timeCalls(engine, facts) {
  const start = performance.now();
  for (let i = 0; i < CALLS; i += 1) engine.evaluate(facts, engine.DEFAULT_SETTINGS, TODAY);
  return (performance.now() - start) / CALLS;
}

/** Per-call times of one input: a list of round times per engine, rounds alternating the order. */
function measure(engines, facts) {
  for (const engine of engines) timeCalls(engine, facts); // warm: compiled, caches filled
  const times = engines.map(() => []);
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = round % 2 === 0 ? engines.map((_, i) => i) : engines.map((_, i) => i).reverse();
    for (const i of order) times[i].push(timeCalls(engines[i], facts));
  }
  return times;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function sameReports(engines, inputs) {
  for (const [name, list] of inputs) {
    for (const facts of list) {
      const texts = engines.map((e) => JSON.stringify(e.evaluate(facts, e.DEFAULT_SETTINGS, TODAY)));
      if (texts.some((t) => t !== texts[0])) throw new Error(`reports differ between engines on ${name}`);
    }
  }
}

// ---- --mutations: the same output for facts nobody wrote a fixture for ------------------------

const ODD_VALUES = [
  null, true, false, 0, -1, 1.5, 1e9, "", "x", "2026-02-30", "2025-11-01", "мск+2", "𝟘".repeat(300), "a".repeat(3000),
  [], [1], ["ticket", "ticket"], ["ticket", "email"], {}, { date: "2026-10-01", stars: 2, answered: true },
  [{ date: "2026-10-01", stars: 5, answered: false }], "ok", "unreachable", "module", "site", { extra: 1 },
];
// Paths a fixture may not have (the buyer's checks, backend lookups, sources, extraction notes).
const EXTRA_PATHS = [
  "buyer", "buyer.support_test", "buyer.account_manager", "lookups", "lookups.backend", "sources", "sources.price.rub",
  "extraction", "extraction.markup_changed", "zzz", "price.zzz", "support.channels", "reviews.items", "changelog",
];

function pathsOf(value, prefix = "") {
  if (value === null || typeof value !== "object") return [];
  return Object.keys(value).flatMap((key) => {
    const path = prefix === "" ? key : `${prefix}.${key}`;
    return [path, ...pathsOf(value[key], path)];
  });
}

function setPath(target, path, value) {
  const parts = path.split(".");
  let at = target;
  for (const part of parts.slice(0, -1)) {
    if (at[part] === null || typeof at[part] !== "object") at[part] = {};
    at = at[part];
  }
  at[parts[parts.length - 1]] = value;
}

/** A value like the one at the path (same type), or every third time an odd one. */
function mutant(old, round, pick) {
  if (round % 3 === 0) return structuredClone(pick(ODD_VALUES));
  if (typeof old === "number") return pick([0, 1, 2, 5, 13, 30, 100, 400, 1000, 0.5, old * 2, Math.floor(old / 3), null]);
  if (typeof old === "string") return pick([null, "", `${old}x`, "2026-11-01", "2026-01-15", "2020-05-05", "мск-1", "UTC+5", old.slice(0, 3)]);
  if (typeof old === "boolean") return pick([true, false, null]);
  if (Array.isArray(old)) return pick([[], old.slice(0, 1), old.slice(1), [...old, ...old].slice(0, 5), null]);
  return null;
}

function outcome(engine, facts, settings) {
  try {
    return JSON.stringify(engine.evaluate(facts, settings, TODAY));
  } catch (err) {
    return `${err.name}|${err.message}|${err.field}`;
  }
}

/** Seeded: the same mutations every run. Returns how many were scored and how many were refused. */
function sameOnMutations(engines, seeds) {
  let state = 12345;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = (list) => list[Math.floor(random() * list.length)];
  const defaults = engines[0].DEFAULT_SETTINGS;
  const settings = [defaults, { ...defaults, profile: "narrow" }, { ...defaults, disabled: ["demo", "price"] }];
  let refused = 0;
  for (let round = 0; round < MUTATIONS; round += 1) {
    const facts = structuredClone(pick(seeds));
    for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits -= 1) {
      const path = pick([...pathsOf(facts), ...EXTRA_PATHS]);
      const old = path.split(".").reduce((at, part) => (at === null || at === undefined ? undefined : at[part]), facts);
      setPath(facts, path, mutant(old, round, pick));
    }
    const chosen = pick(settings);
    const [first, ...others] = engines.map((engine) => outcome(engine, facts, chosen));
    if (others.some((other) => other !== first)) {
      throw new Error(`engines differ on mutation ${round}: ${JSON.stringify(facts).slice(0, 400)}`);
    }
    if (!first.startsWith("{")) refused += 1;
  }
  return { mutations: MUTATIONS, refused };
}

try {
  const current = await bundled(ROOT, "engine-current", engineSource);
  const engines = [current];
  if (BASE !== null) engines.push(await bundled(resolve(BASE), "engine-base", engineSource));
  const cards = await cardFacts(current);
  const solution = JSON.parse(readFileSync(join(FIXTURES, "expected", "solution_module_paid_demo14_active.json"), "utf8"));
  // The sparsest card (fewest known facts) is the catalog's common case; the solution page the full one.
  const sparse = cards.reduce((a, b) => (JSON.stringify(a).length <= JSON.stringify(b).length ? a : b));
  const inputs = [["catalog card (sparse)", [sparse]], ["solution page (full)", [solution]], ["catalog cards (all)", cards]];
  sameReports(engines, inputs);
  const seeds = [solution, ...cards];
  for (const name of ["solution_shop_paid_nodemo_stale", "solution_module_pseudo_demo_1day", "solution_module_free_no_reviews"]) {
    seeds.push(JSON.parse(readFileSync(join(FIXTURES, "expected", `${name}.json`), "utf8")));
  }
  const mutated = MUTATIONS > 0 && engines.length > 1 ? sameOnMutations(engines, seeds) : null;
  const results = [];
  for (const [name, list] of inputs.slice(0, 2)) {
    const [facts] = list;
    const [now, base] = measure(engines, facts).map(median);
    results.push({ input: name, current_ms: now, base_ms: base ?? null, ratio: base === undefined ? null : base / now });
  }
  const card = results[0];
  const [coldNow, coldBase] = COLD > 0 ? measureCold(engines, cards) : [null, undefined];
  const out = {
    today: TODAY, rounds: ROUNDS, calls: CALLS, cold_runs: COLD, cards_read: cards.length, base: BASE, mutated,
    results,
    catalog50_current_ms: CATALOG_CARDS * card.current_ms,
    catalog50_base_ms: card.base_ms === null ? null : CATALOG_CARDS * card.base_ms,
    cold50_current_ms: coldNow?.wall ?? null,
    cold50_base_ms: coldBase?.wall ?? null,
    cold50_current_cpu_ms: coldNow?.cpu ?? null,
    cold50_base_cpu_ms: coldBase?.cpu ?? null,
  };
  if (AS_JSON) {
    process.stdout.write(JSON.stringify(out) + "\n");
  } else {
    const ms = (v) => (v === null ? "—" : `${v.toFixed(4)} ms`);
    console.log(`evaluate per call, median of ${ROUNDS} rounds x ${CALLS} calls (reports identical: yes)`);
    if (mutated !== null) {
      console.log(`  identical on ${mutated.mutations} mutated facts (${mutated.refused} refused by the schema, identically)`);
    }
    for (const r of results) {
      console.log(`  ${r.input.padEnd(24)} current ${ms(r.current_ms)}  base ${ms(r.base_ms)}  ` +
        `${r.ratio === null ? "" : `${r.ratio.toFixed(2)}x faster`}`);
    }
    console.log(`  50 sparse cards (warm): current ${ms(out.catalog50_current_ms)}  base ${ms(out.catalog50_base_ms)}`);
    if (coldNow !== null) {
      console.log(`  first 50 calls of a fresh process (catalog cards in turn), median of ${COLD}:`);
      for (const kind of ["wall", "cpu"]) {
        const ratio = coldBase === undefined ? "" : `  ${(coldBase[kind] / coldNow[kind]).toFixed(2)}x faster`;
        console.log(`    ${kind.padEnd(4)} current ${ms(coldNow[kind])}  base ${ms(coldBase?.[kind] ?? null)}${ratio}`);
      }
    }
  }
} finally {
  rmSync(WORK, { recursive: true, force: true });
}
