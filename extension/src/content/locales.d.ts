// "mpcheck:locales" is a virtual module: extension/build/locales-plugin.mjs resolves it to the
// extension's own _locales files at build time (content/texts.ts).
declare module "mpcheck:locales" {
  const locales: { default: string; messages: Record<string, Record<string, string>> };
  export default locales;
}
