// Types for the build helpers, so the vitest suite (type-checked by tsc) can import them.
export function rulesFiles(rulesDir: string): string[];
export function rulesVersion(rulesDir: string): string;
export function readRulesBundle(rulesDir: string): {
  version: string;
  scoring: unknown;
  criteria: Record<string, unknown>;
  labels: unknown;
};
