// The content script's UI texts: the build's own _locales files (bundled, see
// build/locales-plugin.mjs), picked like the browser picks them, so the badge speaks the same
// language as the popup without paying chrome.i18n.getMessage's first-call bundle fetch.
import locales from "mpcheck:locales";
import type { Lang } from "../shared/contracts";
import { fill, langFromLocale, type Msg } from "../ui/strings";
import { pickLocale } from "./locale-pick";

export function contentTexts(uiLanguage: string): { lang: Lang; msg: Msg } {
  const picked = pickLocale(uiLanguage, Object.keys(locales.messages), locales.default);
  const table = locales.messages[picked] ?? {};
  return {
    lang: langFromLocale(table.uiLang ?? picked),
    msg: (key, subs) => fill(table[key] ?? key, subs),
  };
}
