// Popup -> content script: "send me the structure report of your page" (the copy button of the
// «Как прочитана страница» section). Validated on both ends like every message (shared/messages.ts).
import { isObject } from "../shared/guards";

/** A report is capped at DEFAULT_LIMITS.maxChars by its builder; anything longer is not ours. */
export const STRUCTURE_MAX_CHARS = 200_000;

export type StructureRequest = { kind: "structure-get" };
export type StructureReply = { kind: "structure"; text: string };

export function parseStructureRequest(msg: unknown): StructureRequest | null {
  return isObject(msg) && msg.kind === "structure-get" ? { kind: "structure-get" } : null;
}

export function parseStructureReply(msg: unknown): StructureReply | null {
  if (!isObject(msg) || msg.kind !== "structure" || typeof msg.text !== "string") return null;
  return msg.text.length > 0 && msg.text.length <= STRUCTURE_MAX_CHARS ? { kind: "structure", text: msg.text } : null;
}
