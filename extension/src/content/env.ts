// What every page runner needs, gathered once per run: settings, today's date and the UI texts.
import { localToday } from "../shared/dates";
import { RULES } from "../shared/rules";
import { loadSettings, type Settings } from "../shared/settings";
import type { Lang } from "../shared/contracts";
import type { RulesTexts } from "../ui/rules-text";
import { browserMsg, uiLang, type Msg } from "../ui/strings";

export interface ContentEnv {
  settings: Settings;
  today: string;
  rules: RulesTexts;
  lang: Lang;
  msg: Msg;
}

export async function loadEnv(): Promise<ContentEnv> {
  return { settings: await loadSettings(), today: localToday(), rules: RULES, lang: uiLang(), msg: browserMsg };
}
