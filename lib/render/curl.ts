import type { RenderedHeader, RenderedRequest } from "./types";

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A POSIX-shell curl command that sends exactly the rendered request: same method, URL, headers
 * (in order, duplicates kept) and body bytes, and no header the request lacks besides Host and
 * Content-Length, which every client sends.
 *
 * - `--globoff`: brackets and braces in the URL are text, not curl's URL globbing.
 * - `--path-as-is`: the URL is already normalized; curl must not squash `/../` again.
 * - Headers curl adds on its own are removed with an empty `-H 'Name:'` unless the request
 *   sets them: Accept (any type) and User-Agent (curl's version) always; with a body, the form
 *   Content-Type that `--data-*` implies (a deleted Content-Type stays deleted) and the
 *   `Expect: 100-continue` it sends for large bodies. Neither the preview nor the receiver of
 *   the real delivery would see them, so a replay with them would not be the same request.
 * - The body goes in `--data-raw`, which, unlike `--data-binary`, never reads `@name` as a file
 *   to upload; given on the command line both send the bytes untouched. A body that cannot be
 *   a shell argument (a NUL byte, bytes that are not UTF-8) is piped in by printf instead.
 */
export function toCurl(request: RenderedRequest): string {
  const lines = [`curl --globoff --path-as-is -X ${request.method} ${quote(request.url)}`];
  for (const header of request.headers) lines.push(`-H ${quote(headerArgument(header))}`);
  const removed = defaultsToRemove(request);
  if (removed.length > 0) lines.push(removed.map((name) => `-H ${quote(`${name}:`)}`).join(" "));
  if (request.body === null) return lines.join(" \\\n  ");

  const text = asArgumentText(request.body);
  if (text !== null) {
    lines.push(`--data-raw ${quote(text)}`);
    return lines.join(" \\\n  ");
  }
  lines.push("--data-binary @-");
  return `printf ${quote(octalEscapes(request.body))} | ${lines.join(" \\\n  ")}`;
}

/** `Name: value`; an empty value needs curl's `Name;`, since `Name:` removes the header. */
function headerArgument({ name, value }: RenderedHeader): string {
  return value === "" ? `${name};` : `${name}: ${value}`;
}

function defaultsToRemove(request: RenderedRequest): string[] {
  const present = new Set(request.headers.map((header) => header.name.toLowerCase()));
  const defaults = ["Accept", "User-Agent"];
  if (request.body !== null) defaults.push("Content-Type", "Expect");
  return defaults.filter((name) => !present.has(name.toLowerCase()));
}

/** The body as text when it can travel as one argument: valid UTF-8 without NUL. */
function asArgumentText(body: Uint8Array): string | null {
  if (body.includes(0)) return null;
  try {
    return STRICT_UTF8.decode(body);
  } catch {
    return null;
  }
}

/** Every byte as printf's `\ooo`, so printf has no `%` or `\` of the body's own to interpret. */
function octalEscapes(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => `\\${byte.toString(8).padStart(3, "0")}`).join("");
}

/** Single quotes keep every byte literal in a POSIX shell; a quote itself is closed, escaped, reopened. */
function quote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
