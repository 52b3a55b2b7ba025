/// <reference types="node" />
// Shared test data: a report shaped like the engine's output, the real rules texts from
// shared_rules/, and a Msg backed by the shipped _locales file.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { CRITERIA, type CriterionReport, type Report, type Status } from "../../../extension/src/shared/contracts";
import type { RulesTexts } from "../../../extension/src/ui/rules-text";
import { fill, type Msg } from "../../../extension/src/ui/strings";

const ROOT = join(__dirname, "..", "..", "..");

export function readRulesTexts(): RulesTexts {
  const dir = join(ROOT, "shared_rules");
  const criteria: Record<string, unknown> = {};
  for (const name of readdirSync(join(dir, "criteria"))) {
    criteria[name.replace(/\.json$/, "")] = JSON.parse(readFileSync(join(dir, "criteria", name), "utf8"));
  }
  return { scoring: JSON.parse(readFileSync(join(dir, "scoring.json"), "utf8")), criteria };
}

export function readLocale(lang: "ru" | "en"): Record<string, { message: string }> {
  return JSON.parse(readFileSync(join(ROOT, "extension", "static", "_locales", lang, "messages.json"), "utf8"));
}

export function localeMsg(lang: "ru" | "en"): Msg {
  const table = readLocale(lang);
  return (key, subs) => fill(table[key]?.message ?? `??${key}`, subs);
}

export function criterion(id: (typeof CRITERIA)[number], status: Status, step: number, text = id): CriterionReport {
  return {
    id, step, status, points: 1, max_points: 2,
    evidence: [{ fact: `${id}.x`, value: 14, source: "page" }],
    message: { ru: `сообщение ${text}`, en: `message ${text}` },
    check_yourself: { ru: `проверьте ${id}`, en: `check ${id}` },
  };
}

export function sampleReport(overrides: Partial<Report> = {}): Report {
  const statuses: Status[] = ["good", "good", "warn", "good", "unknown", "good", "unknown", "not_applicable", "bad"];
  return {
    schema: "mpcheck.report/1",
    rules_version: "0".repeat(64),
    code: "nordlab.smartseo",
    score: 78,
    coverage: 0.78,
    headline: { status: "good", key: "demo_first", message: { ru: "сначала установите демо", en: "install the demo first" } },
    criteria: CRITERIA.map((id, i) => criterion(id, statuses[i] ?? "unknown", i + 1)),
    ...overrides,
  };
}
