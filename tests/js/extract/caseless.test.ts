// @vitest-environment jsdom
// The build ships the label table case-closed for flags "u" (extension/build/caseless.mjs, through
// readRulesBundle), because V8 compiles a regex without `i` markedly faster and a fresh tab compiles
// every regex it reaches. Proved here: (1) every literal and class the rewrite touches or keeps
// matches exactly the same code points under "u" as the original under "iu", over ALL of Unicode
// (lone surrogates included) — the only parts a rewrite changes, so each pattern matches alike;
// (2) the extractor reads the same facts with the shipped table as with labels.json on every
// solution page (reference, extra, blind, hostile).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { caselessLabels, caselessPattern } from "../../../extension/build/caseless.mjs";
import { readRulesBundle } from "../../../extension/build/rules-bundle.mjs";
import { shippedLabels } from "../../../extension/build/rules-plugin.mjs";
import { FIXTURES, ROOT, pageDocument, readPage } from "./helpers";

const LABELS_PATH = "../../../shared_rules/labels.json";
const RAW = JSON.parse(readFileSync(join(ROOT, "shared_rules", "labels.json"), "utf8")) as Record<string, unknown>;

/** Every code point once: the scalar values, then the low surrogates, then the high ones (never a pair). */
function everyCodePoint(): string {
  const parts: string[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) if (cp < 0xd800 || cp > 0xdfff) parts.push(String.fromCodePoint(cp));
  for (let cu = 0xdc00; cu <= 0xdfff; cu++) parts.push(String.fromCharCode(cu));
  for (let cu = 0xd800; cu <= 0xdbff; cu++) parts.push(String.fromCharCode(cu));
  return parts.join("");
}

/** What is left of `all` once every code point the atom matches is removed (an atom matches one). */
function unmatched(all: string, source: string, flags: string): string {
  return all.replace(new RegExp(source, flags), "");
}

describe("the case-closed label table", () => {
  it("rewrites letters and classes with V8's own case variants", () => {
    expect(caselessPattern("код")).toBe("[Кк][Ооᲂ][Ддᲁ]"); // U+1C81/1C82: old rounded forms fold to д, о
    expect(caselessPattern("^[а-я]+s$")).toBe("^[а-яА-Яᲀ-ᲆ]+[Ssſ]$");
    expect(caselessPattern("[^0-9a-z]")).toBe("[^0-9a-zA-Zſ\u212a]"); // negated: nothing any case of a member
    expect(caselessPattern("(?:\\s*[:—-]|\\.{2,})(.*)$")).toBe("(?:\\s*[:—-]|\\.{2,})(.*)$");
    expect(caselessPattern("(?<id>[-k-])")).toBe("(?<id>[\\-k\\-K\u212a])"); // a group name is no literal
    expect(() => caselessPattern("\\bда\\b")).toThrow(/\\b/);
    expect(() => caselessPattern("(а)\\1")).toThrow(/\\1/);
  });

  it("matches every code point alike in every literal and class of the table", () => {
    const atoms: Array<[string, string]> = [];
    const table = caselessLabels(RAW, atoms);
    expect((table as { flags: string }).flags).toBe("u");
    const distinct = new Map(atoms);
    expect(distinct.size).toBeGreaterThan(150);
    expect([...distinct].filter(([a, b]) => a !== b).length).toBeGreaterThan(50);
    const all = everyCodePoint();
    for (const [original, rewritten] of distinct) {
      expect(unmatched(all, rewritten, "gu") === unmatched(all, original, "giu"), `${original} → ${rewritten}`).toBe(true);
    }
  }, 120_000);

  it("is what the build ships, and keeps each pattern's groups", () => {
    const shipped = readRulesBundle(join(ROOT, "shared_rules")).labels as { flags: string; label_wrapper: string };
    expect(shipped.flags).toBe("u");
    expect(shipped.label_wrapper).toBe(caselessPattern(RAW.label_wrapper as string));
    const pairs: Array<[string, string]> = [];
    const walk = (a: unknown, b: unknown): void => {
      if (Array.isArray(a)) a.forEach((v, i) => walk(v, (b as unknown[])[i]));
      else if (a && typeof a === "object") {
        for (const [k, v] of Object.entries(a)) {
          const w = (b as Record<string, unknown>)[k];
          if ((k === "re" || k === "value_re") && typeof v === "string") pairs.push([v, w as string]);
          else walk(v, w);
        }
      }
    };
    walk(RAW, shipped);
    expect(pairs.length).toBeGreaterThan(200);
    for (const [original, rewritten] of pairs) {
      const groups = (source: string, flags: string): number => (new RegExp(`${source}|`, flags).exec("") ?? []).length;
      expect(groups(rewritten, "u"), original).toBe(groups(original, "iu"));
    }
  });
});

const pages = ["", "extra", "blind", "hostile"].flatMap((sub) => {
  const dir = join(FIXTURES, sub);
  return readdirSync(dir).filter((f) => f.startsWith("solution_") && f.endsWith(".html")).map((f) => join(dir, f));
});

async function extractWith(table: unknown): Promise<{ flags: string; read: (html: string) => string }> {
  vi.resetModules();
  vi.doMock(LABELS_PATH, () => ({ default: table }));
  const { extractSolution } = await import("../../../extension/src/extract");
  const { TABLE } = await import("../../../extension/src/extract/label_table");
  return { flags: TABLE.flags, read: (html) => JSON.stringify(extractSolution(pageDocument(html), "https://marketplace.1c-bitrix.ru/solutions/a.b/", "2026-12-01")) };
}

afterEach(() => {
  vi.doUnmock(LABELS_PATH);
  vi.resetModules();
});

describe("the extractor with the shipped, case-closed table", () => {
  it("reads the same facts as with labels.json on every solution page", async () => {
    expect(pages.length).toBeGreaterThan(40);
    const raw = await extractWith(RAW);
    expect(raw.flags).toBe("iu");
    const expected = pages.map((file) => raw.read(readPage(file)));
    const shipped = await extractWith(shippedLabels(readRulesBundle(join(ROOT, "shared_rules")).labels));
    expect(shipped.flags).toBe("u"); // the substitution is live
    pages.forEach((file, i) => expect(shipped.read(readPage(file)), file).toBe(expected[i]));
  }, 300_000); // every corpus page read twice: about 100 s alone on a 2-core machine at 112 pages, more under load
});
