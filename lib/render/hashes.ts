import { createHash } from "node:crypto";
import { crc32 } from "node:zlib";
import type { HashType } from "../model/event-schema";

/** Lowercase hex digest of the text's UTF-8 bytes. */
export function hashText(type: HashType, text: string): string {
  if (type === "crc32") {
    // IEEE CRC-32 (zlib's), zero-padded so a receiver comparing strings sees all 8 digits.
    return (crc32(text) >>> 0).toString(16).padStart(8, "0");
  }
  return createHash(type).update(text, "utf8").digest("hex");
}
