// Types for the build helper, so the vitest suite (type-checked by tsc) can import it.
export function caselessPattern(source: string, atoms?: Array<[string, string]> | null): string;
export function caselessLabels<T>(labels: T, atoms?: Array<[string, string]> | null): T;
