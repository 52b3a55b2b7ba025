/// <reference types="node" />
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readLocale } from "./fixtures";

const SRC = join(__dirname, "..", "..", "..", "extension", "src");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

describe("_locales", () => {
  const ru = readLocale("ru");
  const en = readLocale("en");
  it("ru and en have the same keys", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
  });
  it("has every key the code asks for", () => {
    const used = new Set<string>();
    for (const file of sources(SRC)) {
      for (const m of readFileSync(file, "utf8").matchAll(/msg\("(\w+)"|browserMsg\("(\w+)"|: "((?:compare|partner|badge|popup)\w+)"/g)) {
        used.add(m[1] ?? m[2] ?? m[3] ?? "");
      }
    }
    used.delete("");
    expect(used.size).toBeGreaterThan(10);
    for (const key of used) expect(ru, key).toHaveProperty(key);
  });
  it("has all three plural forms of every counted key the code builds (msg(`reviews${form}`))", () => {
    const prefixes = new Set<string>();
    for (const file of sources(SRC)) {
      for (const m of readFileSync(file, "utf8").matchAll(/msg\(`(\w+)\$\{plural/g)) prefixes.add(m[1] ?? "");
    }
    expect([...prefixes].sort()).toEqual(["changesNew", "reviews", "sinceComments"]);
    for (const prefix of prefixes) for (const form of ["One", "Few", "Many"]) expect(ru, prefix + form).toHaveProperty(prefix + form);
  });
  it("keeps one key set per plural word: no two families hold the same forms", () => {
    const families = new Map<string, string>();
    for (const key of Object.keys(ru)) {
      const stem = /^(\w+)One$/.exec(key)?.[1];
      if (!stem || !(`${stem}Few` in ru && `${stem}Many` in ru)) continue;
      const forms = ["One", "Few", "Many"].map((f) => `${ru[stem + f]?.message}|${en[stem + f]?.message}`).join("/");
      expect(families.get(forms), `${stem} repeats ${families.get(forms) ?? ""}`).toBeUndefined();
      families.set(forms, stem);
    }
    expect(families.size).toBeGreaterThan(2);
  });
  it("keeps the manifest's __MSG_ keys", () => {
    for (const key of ["extName", "extDescription", "actionTitle"]) expect(ru).toHaveProperty(key);
  });
});
