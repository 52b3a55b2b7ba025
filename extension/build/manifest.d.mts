export const GECKO: { id: string; strict_min_version: string; data_collection_permissions: { required: string[] } };
export function manifestFor(target: "chrome" | "firefox", base: Record<string, unknown>, version: string): Record<string, any>;
