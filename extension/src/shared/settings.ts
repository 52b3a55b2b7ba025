// Buyer settings in storage.local (SPEC §9: they never leave the browser).
import type { CriterionId, Profile } from "./contracts";
import { CRITERIA } from "./contracts";
import { ext } from "./browser-api";
import { isObject } from "./guards";

export const DEFAULT_BACKEND_URL = "http://127.0.0.1:8765";
const KEY = "settings";

export interface Settings {
  backendUrl: string;
  /** null = let the rules pick the profile from the solution's kind. */
  profile: Profile | null;
  disabled: CriterionId[];
}

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
  const profiles: Profile[] = ["module", "site", "narrow"];
  const profile = profiles.includes(raw.profile as Profile) ? (raw.profile as Profile) : null;
  const disabled = Array.isArray(raw.disabled)
    ? CRITERIA.filter((id) => (raw.disabled as unknown[]).includes(id))
    : [];
  return { backendUrl, profile, disabled };
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

export function buildOptions(settings: Settings): { profile?: Profile; disabled?: string[] } {
  const opts: { profile?: Profile; disabled?: string[] } = {};
  if (settings.profile) opts.profile = settings.profile;
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
  return settings.profile !== null || settings.disabled.length > 0;
}
