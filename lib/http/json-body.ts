import { AppError, errorMessage } from "../errors";

export const MAX_JSON_BODY_BYTES = 1024 * 1024;
/**
 * Deeper than any request the API takes (a parameter tree of a few levels inside a request
 * inside an event); JSON.parse and zod's recursive parse use the stack per level, so a body of
 * 100,000 nested arrays would overflow it and answer 500.
 */
export const MAX_JSON_DEPTH = 64;

const UTF8 = new TextDecoder("utf-8", { fatal: true });

function tooLarge(maxBytes: number): AppError {
  return new AppError(
    "payload_too_large",
    `The body is larger than ${Math.round(maxBytes / 1024)} KiB`,
  );
}

/**
 * The body's bytes, read with a counter: a chunked body (no Content-Length) is refused at the
 * limit instead of being read whole first, and the stream is cancelled so no more is taken in.
 */
async function readBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** How deeply the JSON text nests arrays and objects, counted outside strings, in one pass. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c)
        i += 1; // backslash: the next character is escaped
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (char === 0x5d || char === 0x7d) depth -= 1;
  }
  return deepest;
}

/** Reads a JSON body with a size limit, answering 413 / 400 instead of throwing raw errors. */
export async function readJsonBody(
  request: Request,
  maxBytes = MAX_JSON_BODY_BYTES,
): Promise<unknown> {
  const contentType = request.headers.get("content-type") ?? "";
  const bytes = await readBytes(request, maxBytes);
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new AppError("bad_request", "The body is not valid UTF-8");
  }
  if (text.trim() === "") return undefined;
  if (contentType && !/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new AppError("bad_request", "Send the body as JSON with Content-Type: application/json");
  }
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    throw new AppError(
      "bad_request",
      `The body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("bad_request", `The body is not valid JSON: ${errorMessage(error)}`);
  }
}
