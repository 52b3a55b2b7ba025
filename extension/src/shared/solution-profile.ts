// The buyer's profile for one solution (chosen in the popup). It lives inside the settings, so
// every page that already re-scores on a settings change (the badge, the comparison) picks it up
// with no listener of its own; choosing "as in the settings" removes the entry again.
import type { Profile } from "./contracts";
import { coerceSettings, loadStoredSettings, MAX_SOLUTION_PROFILES, saveSettings, type Settings } from "./settings";

/** The per-solution map with `code` set to `profile` (null removes it); the oldest choice goes first when full. Pure. */
export function withSolutionProfile(
  current: Readonly<Record<string, Profile>> | undefined, code: string, profile: Profile | null, max = MAX_SOLUTION_PROFILES,
): Record<string, Profile> {
  const next: Record<string, Profile> = { ...(current ?? {}) };
  delete next[code]; // re-inserted last: insertion order is the age order the pruning below uses
  if (profile !== null) next[code] = profile;
  const codes = Object.keys(next);
  for (const old of codes.slice(0, Math.max(0, codes.length - max))) delete next[old];
  return next;
}

/** Stores the choice (read-modify-write of what the buyer saved) and returns the settings saved. */
export async function saveSolutionProfile(code: string, profile: Profile | null): Promise<Settings> {
  const stored = await loadStoredSettings();
  const next = coerceSettings({ ...stored, solutionProfiles: withSolutionProfile(stored.solutionProfiles, code, profile) });
  await saveSettings(next);
  return next;
}
