// Reading values out of a facts object by dotted path ("reviews.items", "changelog.0.date").
// Mirror of backend/mpcheck/engine/facts_access.py. Dates are plain integers here: the UTC day
// number (days since 1970-01-01), so "max of dates" and "days between" are integer arithmetic.

/** A JSON object: not null, not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Own keys only, so "constructor" or "__proto__" never reach Object.prototype. */
export function own(object: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

const INDEX = /^[0-9]+$/;

/** One step of a dotted path: the key, and its list index (-1 when the step is not all digits). */
interface Step { key: string; index: number }

// Rule files name a few dozen paths, read on every call; each is split once (the catalog scores
// 50 cards in one pass, and splitting was a tenth of the engine's time).
// The engine's hot loops are indexed, not for-of: a catalog pass runs it 50 times, mostly before
// V8 optimises it, and unoptimised for-of allocates an iterator result per step (garbage the
// profile showed as a third of the engine's time).
const STEPS = new Map<string, readonly Step[]>();

function stepsOf(path: string): readonly Step[] {
  let steps = STEPS.get(path);
  if (steps === undefined) {
    steps = path.split(".").map((key) => ({ key, index: INDEX.test(key) ? Number(key) : -1 }));
    STEPS.set(path, steps);
  }
  return steps;
}

/** The value at a dotted path, or null when any step is missing or of the wrong type. */
export function getPath(facts: unknown, path: string): unknown {
  let current: unknown = facts;
  const steps = stepsOf(path);
  for (let i = 0; i < steps.length; i += 1) {
    const step = steps[i] as Step;
    if (isObject(current)) {
      current = Object.hasOwn(current, step.key) ? current[step.key] : undefined;
    } else if (Array.isArray(current) && step.index >= 0) {
      current = step.index < current.length ? current[step.index] : null;
    } else {
      return null;
    }
    if (current === null || current === undefined) return null;
  }
  return current;
}

/** Strict number test: booleans are not numbers. */
export function isNumber(value: unknown): value is number {
  return typeof value === "number";
}

/** A value a band can compare: string, number or boolean. */
export function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "boolean" || isNumber(value);
}

const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const MS_PER_DAY = 86_400_000;

/** Parse YYYY-MM-DD (a real calendar date, year 1 or later) into a UTC day number, else null. */
export function parseIsoDate(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const match = ISO_DATE.exec(value);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1) return null;
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  const moment = new Date(0);
  moment.setUTCFullYear(year, month - 1, day);
  // Date rolls 2026-02-30 over to March; a rolled-over date is not real.
  if (moment.getUTCFullYear() !== year || moment.getUTCMonth() !== month - 1 || moment.getUTCDate() !== day) {
    return null;
  }
  return moment.getTime() / MS_PER_DAY;
}

/** Whole days from `earlier` to `today` (negative when `earlier` is in the future). */
export function daysBetween(earlier: number, today: number): number {
  return today - earlier;
}
