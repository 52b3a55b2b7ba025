// UI strings come from _locales (the browser picks ru/en by its UI language). Renderers take a
// `Msg` function instead of calling i18n directly, so they also run in jsdom tests.
import type { Lang } from "../shared/contracts";
import { ext } from "../shared/browser-api";

export type Msg = (key: string, subs?: Record<string, string | number>) => string;

/** `{name}` placeholders are ours: braces are not special to chrome.i18n or Firefox's i18n. */
export function fill(template: string, subs: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in subs ? String(subs[name]) : whole));
}

export const browserMsg: Msg = (key, subs) => fill(ext().i18n.getMessage(key) || key, subs);

/** Russian for a Russian browser UI, English otherwise (the report carries both). */
export function langFromLocale(locale: string | undefined): Lang {
  return (locale ?? "").toLowerCase().startsWith("ru") ? "ru" : "en";
}

/**
 * The language of the _locales file the browser actually picked (its own `uiLang` message), so
 * report texts always match the UI strings; getUILanguage() can differ from that choice.
 */
export function uiLang(): Lang {
  return langFromLocale(ext().i18n.getMessage("uiLang") || ext().i18n.getUILanguage());
}
