// "mpcheck:rules-bundle" is a virtual module: extension/build.mjs resolves it to the RulesBundle
// JSON read from shared_rules/ at build time (SPEC §2: no remote rules).
declare module "mpcheck:rules-bundle" {
  const bundle: {
    version: string;
    scoring: unknown;
    criteria: Record<string, unknown>;
    labels: unknown;
  };
  export default bundle;
}
