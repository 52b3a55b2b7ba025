// Types for the build helpers, so the vitest suite (type-checked by tsc) can import them.
export function shippedLabels<T>(value: T): T;
export function rulesPlugin(bundle: unknown, rulesDir: string): unknown;
