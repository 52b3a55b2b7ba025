// Buyer settings in storage.local (SPEC §9: they never leave the browser).
import type { CriterionId, Profile } from "./contracts";
import { CRITERIA } from "./contracts";
import { ext } from "./browser-api";
import { isObject, isSolutionCode } from "./guards";

export const DEFAULT_BACKEND_URL = "http://127.0.0.1:8765";
const KEY = "settings";

export interface Settings {
  backendUrl: string;
  /** null = let the rules pick the profile from the solution's kind. */
  profile: Profile | null;
  disabled: CriterionId[];
  /**
   * The profile the buyer chose for one solution in the popup (code -> profile); it beats
   * `profile` for that solution only. Absent = no such choice (removing the entry undoes it).
   */
  solutionProfiles?: Record<string, Profile>;
}

const PROFILES: readonly Profile[] = ["module", "site", "narrow"];
/** Per-solution choices kept (storage is bounded; a buyer choosing for more is not plausible). */
export const MAX_SOLUTION_PROFILES = 500;

export const DEFAULT_SETTINGS: Settings = { backendUrl: DEFAULT_BACKEND_URL, profile: null, disabled: [] };

/** http(s) origin only, no path/credentials: the worker appends /api/v1/... itself. */
export function normalizeBackendUrl(raw: string): string | null {
  try {
    const u = new URL(raw.trim());
    if ((u.protocol !== "http:" && u.protocol !== "https:") || u.username || u.password) return null;
    return u.origin;
  } catch {
    return null;
  }
}

export function coerceSettings(raw: unknown): Settings {
  if (!isObject(raw)) return { ...DEFAULT_SETTINGS };
  const backendUrl =
    typeof raw.backendUrl === "string" ? normalizeBackendUrl(raw.backendUrl) ?? DEFAULT_BACKEND_URL : DEFAULT_BACKEND_URL;
  const profile = PROFILES.includes(raw.profile as Profile) ? (raw.profile as Profile) : null;
  const disabled = Array.isArray(raw.disabled)
    ? CRITERIA.filter((id) => (raw.disabled as unknown[]).includes(id))
    : [];
  const solutionProfiles = coerceSolutionProfiles(raw.solutionProfiles);
  return Object.keys(solutionProfiles).length ? { backendUrl, profile, disabled, solutionProfiles } : { backendUrl, profile, disabled };
}

function coerceSolutionProfiles(raw: unknown): Record<string, Profile> {
  const out: Record<string, Profile> = {};
  if (!isObject(raw)) return out;
  for (const [code, value] of Object.entries(raw).slice(0, MAX_SOLUTION_PROFILES)) {
    if (isSolutionCode(code) && PROFILES.includes(value as Profile)) out[code] = value as Profile;
  }
  return out;
}

/** The profile the buyer asked for this solution and where (null: the rules follow the kind). */
export function chosenProfile(settings: Settings, code: string | null | undefined): { profile: Profile; by: "solution" | "settings" } | null {
  const own = code ? settings.solutionProfiles?.[code] : undefined;
  if (own) return { profile: own, by: "solution" };
  return settings.profile ? { profile: settings.profile, by: "settings" } : null;
}

export async function loadSettings(): Promise<Settings> {
  // One round trip. A bare `backendUrl` key is the tests' override (random port, see
  // TESTING-BROWSERS.md §4.6).
  const got = await ext().storage.local.get([KEY, "backendUrl"]);
  const settings = coerceSettings(got[KEY]);
  const url = typeof got.backendUrl === "string" ? normalizeBackendUrl(got.backendUrl) : null;
  return url ? { ...settings, backendUrl: url } : settings;
}

/** What the buyer saved, without the tests' override: what the options page shows and edits. */
export async function loadStoredSettings(): Promise<Settings> {
  const got = await ext().storage.local.get(KEY);
  return coerceSettings(got[KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await ext().storage.local.set({ [KEY]: coerceSettings(settings) });
}

/** The engine's options for one solution (`code`: its per-solution profile, if the buyer chose one). */
export function buildOptions(settings: Settings, code?: string | null): { profile?: Profile; disabled?: string[] } {
  const opts: { profile?: Profile; disabled?: string[] } = {};
  const chosen = chosenProfile(settings, code);
  if (chosen) opts.profile = chosen.profile;
  if (settings.disabled.length) opts.disabled = [...settings.disabled];
  return opts;
}

/**
 * The settings if the storage round trip has already finished, else null. At page load that trip
 * took 40-130 ms in Chromium (longer than extraction), so the first paint uses the defaults and
 * repaints only if the buyer's settings change the scoring (most buyers keep the defaults).
 */
export async function settingsIfReady(settings: Promise<Settings>): Promise<Settings | null> {
  // An already-settled promise placed first wins the race against the immediate null.
  return Promise.race([settings, Promise.resolve(null)]);
}

export function changesScoring(settings: Settings): boolean {
  // Any per-solution choice counts: this check does not know which solution is on the page.
  return settings.profile !== null || settings.disabled.length > 0 || Object.keys(settings.solutionProfiles ?? {}).length > 0;
}
