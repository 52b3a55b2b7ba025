// Types of bench/decode_page.mjs for the TypeScript tests that import it.
export function bomEncoding(bytes: Uint8Array): string | null;
export function sniffedUtf16(bytes: Uint8Array): string | null;
export function declaredEncoding(bytes: Uint8Array): string | null;
export function decodePage(bytes: Uint8Array): string;
