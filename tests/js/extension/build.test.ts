/// <reference types="node" />
import { createHash } from "node:crypto";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { manifestFor } from "../../../extension/build/manifest.mjs";
import { readRulesBundle, rulesFiles, rulesVersion } from "../../../extension/build/rules-bundle.mjs";
import { zipDirectory } from "../../../extension/build/zip.mjs";

const ROOT = join(__dirname, "..", "..", "..");
const BASE = JSON.parse(readFileSync(join(ROOT, "extension", "static", "manifest.base.json"), "utf8"));

function tempRules(): string {
  const dir = mkdtempSync(join(tmpdir(), "mpcheck-rules-"));
  for (const sub of ["criteria", "vectors"]) mkdirSync(join(dir, sub));
  writeFileSync(join(dir, "scoring.json"), '{"s":1}');
  writeFileSync(join(dir, "labels.json"), '{"l":1}');
  writeFileSync(join(dir, "criteria", "demo.json"), '{"id":"demo"}');
  writeFileSync(join(dir, "vectors", "demo.json"), '{"ignored":true}');
  writeFileSync(join(dir, "notes.txt"), "not json");
  return dir;
}

describe("rules bundle", () => {
  it("hashes relpath NUL bytes NUL over sorted json files, vectors excluded", () => {
    const dir = tempRules();
    expect(rulesFiles(dir)).toEqual(["criteria/demo.json", "labels.json", "scoring.json"]);
    const hash = createHash("sha256");
    for (const rel of ["criteria/demo.json", "labels.json", "scoring.json"]) {
      hash.update(`${rel}\0`);
      hash.update(readFileSync(join(dir, rel)));
      hash.update("\0");
    }
    const version = rulesVersion(dir);
    expect(version).toBe(hash.digest("hex"));
    writeFileSync(join(dir, "vectors", "demo.json"), '{"changed":true}');
    expect(rulesVersion(dir)).toBe(version); // vectors never count
    writeFileSync(join(dir, "labels.json"), '{"l":2}');
    expect(rulesVersion(dir)).not.toBe(version);
  });
  it("bundles scoring, criteria by id and labels", () => {
    const bundle = readRulesBundle(tempRules());
    expect(bundle.criteria).toEqual({ demo: { id: "demo" } });
    expect(bundle.scoring).toEqual({ s: 1 });
    expect(bundle.labels).toEqual({ l: 1 });
    expect(bundle.version).toMatch(/^[0-9a-f]{64}$/);
  });
  it("bundles the real shared_rules with all nine criteria", () => {
    const bundle = readRulesBundle(join(ROOT, "shared_rules"));
    expect(Object.keys(bundle.criteria).sort()).toEqual(
      ["account_manager", "cases", "demo", "developer", "packaging", "price", "reviews", "support", "updates"],
    );
  });
});

describe("manifests", () => {
  const chrome = manifestFor("chrome", BASE, "1.2.3");
  const firefox = manifestFor("firefox", BASE, "1.2.3");
  it("differ only where the browsers differ", () => {
    expect(chrome.background).toEqual({ service_worker: "worker.js" });
    expect(firefox.background).toEqual({ scripts: ["worker.js"] });
    expect(chrome.browser_specific_settings).toBeUndefined();
    expect(firefox.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ["none"] });
    const strip = (m: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(m).filter(([k]) => !["background", "browser_specific_settings", "minimum_chrome_version"].includes(k)),
      );
    expect(strip(chrome)).toEqual(strip(firefox));
  });
  it("asks for the minimum", () => {
    expect(chrome.manifest_version).toBe(3);
    expect(chrome.version).toBe("1.2.3");
    expect(chrome.default_locale).toBe("ru");
    expect(chrome.permissions).toEqual(["storage"]);
    expect(chrome.host_permissions).toEqual(["https://marketplace.1c-bitrix.ru/*", "http://127.0.0.1:8765/*"]);
    expect(chrome.content_scripts[0].matches).toEqual([
      "https://marketplace.1c-bitrix.ru/solutions/*",
      "https://marketplace.1c-bitrix.ru/partners/*",
      "https://marketplace.1c-bitrix.ru/search/*",
    ]);
    expect(chrome.content_security_policy.extension_pages).toMatch(/^script-src 'self'; object-src 'none'/);
    expect(JSON.stringify(chrome)).not.toMatch(/unsafe-eval|unsafe-inline|<all_urls>/);
  });
});

describe("zip writer", () => {
  it("writes entries a standard reader can inflate", () => {
    const src = mkdtempSync(join(tmpdir(), "mpcheck-zip-"));
    mkdirSync(join(src, "icons"));
    writeFileSync(join(src, "manifest.json"), '{"a":"б"}');
    writeFileSync(join(src, "icons", "x.txt"), "x".repeat(1000));
    const out = join(src, "..", `${src.split("/").pop()}.zip`);
    expect(zipDirectory(src, out)).toBe(2);
    const zip = readFileSync(out);
    const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    expect(zip.readUInt16LE(eocd + 10)).toBe(2);
    // first local entry: icons/x.txt (sorted), deflated
    const nameLen = zip.readUInt16LE(26);
    const size = zip.readUInt32LE(18);
    expect(zip.subarray(30, 30 + nameLen).toString()).toBe("icons/x.txt");
    expect(inflateRawSync(zip.subarray(30 + nameLen, 30 + nameLen + size)).toString()).toBe("x".repeat(1000));
  });
});
