import type { Readable } from "node:stream";
import { RESPONSE_BODY_LIMIT } from "./attempt-result";

/**
 * Reads at most `limit` bytes of a (decompressed) response and then destroys the stream, so a
 * receiver answering with megabytes, or a compression bomb, costs 64 KiB and no more waiting.
 * A body that breaks off (reset, timeout) keeps what arrived and is marked truncated: the
 * status line already said whether the receiver accepted the request.
 */
export async function readCappedBody(
  stream: Readable,
  limit = RESPONSE_BODY_LIMIT,
): Promise<{ body: string; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  try {
    for await (const chunk of stream) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      if (size + buffer.length > limit) {
        chunks.push(buffer.subarray(0, limit - size));
        size = limit;
        truncated = true;
        break; // leaving the loop destroys the stream
      }
      chunks.push(buffer);
      size += buffer.length;
    }
  } catch {
    truncated = true;
  }
  // `stream: true` drops a UTF-8 sequence cut in half at the limit instead of showing U+FFFD.
  const decoder = new TextDecoder("utf-8");
  const body = decoder.decode(Buffer.concat(chunks, size), { stream: truncated });
  return { body, truncated };
}
