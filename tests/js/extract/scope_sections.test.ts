// @vitest-environment jsdom
// Scope traps and section ties (issue 9 #1, #3), one small page each: the same cases and the same
// exact expectations as tests/python/extract/test_scope_sections.py
// (tests/fixtures/marketplace/units/scope_sections.json), so both extractors behave as one.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractSolution } from "../../../extension/src/extract";
import { buildPage } from "../../../extension/src/extract/context";
import { preparedCopy } from "../../../extension/src/extract/dom";
import { isTabBar, linkCode, ownCode } from "../../../extension/src/extract/scope";
import { fits, titleOf } from "../../../extension/src/extract/tabs";
import { FIXTURES, pageDocument } from "./helpers";

interface Case {
  name: string;
  why: string;
  url: string | null;
  html: string;
  expect: Record<string, unknown>;
  tabs?: Record<string, string | null>;
  removed?: { chrome: number; foreign: number };
  scope?: Record<string, string>;
}

const CASES = (JSON.parse(readFileSync(join(FIXTURES, "units", "scope_sections.json"), "utf8")) as { cases: Case[] }).cases;

function path(facts: Record<string, unknown>, dotted: string): unknown {
  if (dotted === "changelog.pairs") {
    const log = facts.changelog as Array<{ version: string; date: string | null }> | null;
    return log === null ? null : log.map((e) => [e.version, e.date]);
  }
  let value: unknown = facts;
  for (const part of dotted.split(".")) {
    if (part === "length") return value === null ? null : (value as unknown[]).length;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function root(html: string): Element {
  return preparedCopy(pageDocument(html)).root;
}

describe("scope and section cases", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const facts = extractSolution(pageDocument(c.html), c.url ?? "") as unknown as Record<string, unknown>;
      for (const [key, want] of Object.entries(c.expect)) expect(path(facts, key), `${key} (${c.why})`).toEqual(want);
      const page = buildPage(root(c.html), c.url);
      for (const [name, how] of Object.entries(c.tabs ?? {})) expect(page.tabs.how.get(name) ?? null, `tab ${name} (${c.why})`).toBe(how);
      if (c.removed) {
        const count = (why: string): number => page.scope.removed.filter(([, w]) => w === why).length;
        expect({ chrome: count("chrome"), foreign: count("foreign") }, c.why).toEqual(c.removed);
      }
      for (const [key, want] of Object.entries(c.scope ?? {})) expect((page.scope as unknown as Record<string, unknown>)[key], c.why).toBe(want);
    });
  }

  it("keeps removed blocks readable for diagnostics, out of the tree", () => {
    const c = CASES.find((x) => x.name === "carousel_of_other_solutions") as Case;
    const page = buildPage(root(c.html), c.url);
    const [[block, why]] = page.scope.removed as [[Element, string]];
    expect([why, block.localName, block.getAttribute("class")]).toEqual(["foreign", "section", "more"]);
    expect(page.root.contains(block)).toBe(false);
    expect(page.root.textContent).not.toContain("Другие решения");
  });
});

describe("scope helpers", () => {
  it("reads solution and buy links", () => {
    const r = root(
      '<a href="/solutions/Own.Mod/#tab-log-link">x</a><a href="/tobasket.php?ID=a.b&amp;PRD=2">y</a><a href="/solutions/category/14/">z</a><a href="https://example.com/ID=c.d">w</a>',
    );
    expect(Array.from(r.querySelectorAll("a")).map(linkCode)).toEqual(["own.mod", "a.b", null, null]);
  });

  it("takes the own code from the URL, then canonical, «Код решения», selectors", () => {
    const label = root("<p>Код решения: lab.one</p><input id=module value=sel.two>");
    expect(ownCode(label, null)).toEqual(["lab.one", "label"]);
    expect(ownCode(label, "https://marketplace.1c-bitrix.ru/solutions/url.three/")).toEqual(["url.three", "url"]);
    expect(ownCode(root("<input id=module value=sel.two>"), null)).toEqual(["sel.two", "selector"]);
    expect(ownCode(root("<p>nothing</p>"), null)).toEqual([null, null]);
  });

  it("tells a tab bar from a site menu", () => {
    const nav = (html: string): Element => root(html).querySelector("nav") as Element;
    expect(isTabBar(nav('<nav><a href="#a">Описание</a><a href="#b">Отзывы (3)</a></nav>'))).toBe(true);
    expect(isTabBar(nav('<nav><a href="/support/">Поддержка</a><a href="/news/">Обновления</a></nav>'))).toBe(false);
    expect(isTabBar(nav('<nav><a href="#tab-log-link">Лог</a></nav>'))).toBe(true);
  });
});

describe("tab titles and content checks", () => {
  const titles: Array<[string, string | null]> = [
    ["История версий", "log"],
    ["Что нового?", "log"],
    ["Обновления (4)", "log"],
    ["Обновления: 12 месяцев", null],
    ["Вопросы и обсуждения", "comments"],
    ["Обсуждения · 5", "comments"],
    ["Техподдержка", "support"],
    ["Отзывы покупателей (23)", "rating"],
    ["Оценки и отзывы", "rating"],
    ["Отзывы о модуле в соцсетях и где их оставить", null],
  ];
  for (const [text, name] of titles) it(`«${text}» → ${String(name)}`, () => expect(titleOf(text)).toBe(name));

  const checks: Array<[string, string, boolean]> = [
    ["log", "2.1.0 (12.11.2026) исправления", true],
    ["log", "выпуск от 12.11.2026", false],
    ["log", "версия 2.1.0 скоро", false],
    ["rating", "иван 12.11.2026 хорошо", true],
    ["rating", "отзывов пока нет", true],
    ["rating", "загрузка отзывов…", false],
    ["comments", "обсуждений пока нет", true],
    ["support", "пишите", false],
    ["support", "пишите на почту help@x.example", true],
  ];
  for (const [name, text, ok] of checks) it(`${name}: «${text}» → ${String(ok)}`, () => expect(fits(name, text)).toBe(ok));
});
