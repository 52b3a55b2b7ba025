// What every page runner needs: today's date and the UI texts (synchronous), and the settings,
// which arrive by IPC (storage.local), so they are a promise the runner awaits only right before
// evaluating: the DOM extraction overlaps the storage round trip.
import { localToday } from "../shared/dates";
import { RULES } from "../shared/rules";
import { loadSettings, type Settings } from "../shared/settings";
import type { Lang } from "../shared/contracts";
import type { RulesTexts } from "../ui/rules-text";
import { ext } from "../shared/browser-api";
import type { Msg } from "../ui/strings";
import { contentTexts } from "./texts";

export interface ContentEnv {
  settings: Promise<Settings>;
  today: string;
  rules: RulesTexts;
  lang: Lang;
  msg: Msg;
}

export function startEnv(): ContentEnv {
  const settings = loadSettings().then((loaded) => {
    performance.mark("mpcheck:settings"); // when the storage round trip ended (bench timeline)
    return loaded;
  });
  const { lang, msg } = contentTexts(ext().i18n.getUILanguage());
  return { settings, today: localToday(), rules: RULES, lang, msg };
}

