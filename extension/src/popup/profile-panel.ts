// The popup's per-solution profile: renders popup/profile-choice.ts for the solution on screen,
// stores the buyer's choice (shared/solution-profile.ts) and re-scores the popup's report with it
// at once. The badge re-scores itself: the choice is part of the settings, whose change the
// content script already follows.
import type { Lang, Profile } from "../shared/contracts";
import { scoreFacts } from "../shared/score-facts";
import type { ReportState } from "../shared/messages";
import type { Settings } from "../shared/settings";
import { saveSolutionProfile } from "../shared/solution-profile";
import type { RulesTexts } from "../ui/rules-text";
import type { Msg } from "../ui/strings";
import { profileSection } from "./profile-choice";

export interface ProfilePanel {
  /** The state re-scored with the choice made in this popup (unchanged until one is made). */
  adjust(state: ReportState | null): ReportState | null;
  section(doc: Document, state: ReportState): HTMLElement | null;
}

interface Options {
  rules: RulesTexts;
  lang: Lang;
  msg: Msg;
  today: string;
  /**
   * The popup's settings object, updated IN PLACE when the buyer chooses, so everything else in
   * the popup that scores with it (the buyer's checks, buyer-panel.ts) scores with the choice too.
   */
  settings: Settings;
  onChange: () => void;
}

export function createProfilePanel(opts: Options): ProfilePanel {
  let status = "";
  let chosenHere = false; // before any choice the page's own report already has the right profile

  const choose = (code: string, profile: Profile | null) => {
    void saveSolutionProfile(code, profile).then(
      (saved) => {
        if (saved.solutionProfiles) opts.settings.solutionProfiles = saved.solutionProfiles;
        else delete opts.settings.solutionProfiles;
        chosenHere = true;
        status = opts.msg(profile ? "profileSaved" : "profileReset");
        opts.onChange();
      },
      () => {
        status = opts.msg("profileSaveFailed");
        opts.onChange();
      },
    );
  };

  return {
    adjust(state) {
      if (!chosenHere || !state?.facts || !state.report) return state;
      try {
        return { ...state, report: scoreFacts(state.facts, null, opts.settings, opts.today).report };
      } catch {
        return state; // odd facts: keep the page's own report rather than none
      }
    },
    section(doc, state) {
      const code = state.facts?.code;
      if (!state.report || !code) return null;
      return profileSection(doc, state.report, opts.settings, code, {
        rules: opts.rules, lang: opts.lang, msg: opts.msg, status, onChoose: (profile) => choose(code, profile),
      });
    },
  };
}
