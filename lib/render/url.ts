import { parseTemplate } from "../model/template";
import { encodeUrlValue } from "./encode";
import type { Lookup } from "./types";
import { scalarToText } from "./values";

/**
 * The request URL: the admin's literal text kept, each placeholder's value percent-encoded, and
 * the GET query (already encoded) appended after any query the URL has. The schema keeps
 * placeholders out of the scheme and host, so a value can only land in path, query or fragment.
 */
export function renderUrl(template: string, lookup: Lookup, extraQuery = ""): string {
  const rendered = parseTemplate(template)
    .map((part) =>
      part.kind === "text" ? part.value : encodeUrlValue(scalarToText(lookup(part.name))),
    )
    .join("");
  return normalizeUrl(appendQuery(rendered, extraQuery));
}

function appendQuery(url: string, query: string): string {
  if (query === "") return url;
  const hashAt = url.indexOf("#");
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const hash = hashAt === -1 ? "" : url.slice(hashAt);
  const separator = !beforeHash.includes("?") ? "?" : /[?&]$/.test(beforeHash) ? "" : "&";
  return `${beforeHash}${separator}${query}${hash}`;
}

/**
 * The URL as every WHATWG client (got, fetch, browsers) will send it: host lowercased and
 * IDNA-encoded, default port dropped, non-ASCII literal text percent-encoded. Rendering it that
 * way makes the preview and the curl command show the bytes that go on the wire.
 */
function normalizeUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    // Validation only lets through URLs that parse; keep the text if one does not.
    return url;
  }
}
