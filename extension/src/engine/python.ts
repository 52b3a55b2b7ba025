// The few Python built-in semantics the Python engine leans on, spelled out so the port cannot
// drift into JavaScript's: truthiness, left-to-right sum, and "first of equals" for min/max.

/** Python's bool() for a JSON value: None, False, 0, "", [] and {} are false; NaN is true. */
export function truthy(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  if (typeof value === "string" || Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return true;
}

/**
 * Python's sum(): start at 0, add left to right with plain float addition. (Python >= 3.12 sums
 * floats with Neumaier compensation, which can differ in the last bit; the project runs 3.11.)
 */
export function sum<T>(items: readonly T[], value: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += value(item);
  return total;
}

/** Python's max() of a non-empty list of numbers (a loop: spreading 5000 items into Math.max is risky). */
export function largest(values: readonly number[]): number {
  return maxBy(values, (value) => value);
}

/** Python's max(items, key=...): the FIRST item with the greatest key; throws on empty, as Python. */
export function maxBy<T>(items: readonly T[], key: (item: T) => number): T {
  return pick(items, key, (candidate, best) => candidate > best);
}

/** Python's min(items, key=...): the FIRST item with the smallest key. */
export function minBy<T>(items: readonly T[], key: (item: T) => number): T {
  return pick(items, key, (candidate, best) => candidate < best);
}

function pick<T>(items: readonly T[], key: (item: T) => number, better: (a: number, b: number) => boolean): T {
  if (items.length === 0) throw new Error("min()/max() of an empty sequence");
  let best = items[0] as T;
  let bestKey = key(best);
  for (let index = 1; index < items.length; index += 1) {
    const item = items[index] as T;
    const candidate = key(item);
    if (better(candidate, bestKey)) {
      best = item;
      bestKey = candidate;
    }
  }
  return best;
}
