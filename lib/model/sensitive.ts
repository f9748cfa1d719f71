// Which values only admins see. The one rule for every place that shows a request: the
// configuration DTOs, the preview, and the attempts kept in the delivery log.

/** What a hidden value is shown as. Sent back unchanged in a save, it keeps the stored value. */
export const MASK = "•••";

const SENSITIVE_HEADERS = new Set(["authorization", "cookie", "proxy-authorization"]);
const SENSITIVE_NAME_PARTS = ["token", "secret", "key", "signature", "password"];

/** Authorization, Cookie, Proxy-Authorization, and any name containing a credential word. */
export function isSensitiveHeader(name: string): boolean {
  const lower = name.trim().toLowerCase();
  return SENSITIVE_HEADERS.has(lower) || SENSITIVE_NAME_PARTS.some((part) => lower.includes(part));
}

/** `secret`: the admin's flag (stored encrypted); unset on rows saved before it existed. */
type Header = { name: string; value: string; secret?: boolean };

/**
 * Whether a header's value is a secret: the admin's flag when given, else the name rule. The
 * wizard ticks the flag for names the rule matches; the admin may tick it for any other.
 */
export function isSecretHeader(header: { name: string; secret?: boolean }): boolean {
  return header.secret ?? isSensitiveHeader(header.name);
}

/** The headers with each secret (flagged or sensitively named), non-empty value masked. */
export function maskHeaders<T extends Header>(headers: readonly T[]): T[] {
  return headers.map((header) =>
    header.value !== "" && (header.secret === true || isSensitiveHeader(header.name))
      ? { ...header, value: MASK }
      : header,
  );
}

/**
 * Puts the stored values back where a form or an API client sent the mask unchanged: the n-th
 * header of a name takes the value of the n-th stored header of that name (names compared
 * without case). A mask with no stored value behind it is reported by its index, so it can
 * never be saved or sent as if it were the value.
 */
export function unmaskHeaders<T extends Header>(
  headers: readonly T[],
  stored: readonly Header[],
): { headers: T[]; unresolved: number[] } {
  const seen = new Map<string, number>();
  const unresolved: number[] = [];
  const resolved = headers.map((header, index) => {
    const name = header.name.trim().toLowerCase();
    const occurrence = seen.get(name) ?? 0;
    seen.set(name, occurrence + 1);
    if (header.value !== MASK) return header;
    const match = stored.filter((s) => s.name.trim().toLowerCase() === name)[occurrence];
    if (!match || match.value === MASK) {
      unresolved.push(index);
      return header;
    }
    return { ...header, value: match.value };
  });
  return { headers: resolved, unresolved };
}

export const MASK_UNRESOLVED_MESSAGE = `${MASK} stands for a hidden value this request does not have: enter the value`;

/** Query parameters whose values are credentials (GA4's api_secret among them). */
const SENSITIVE_QUERY_PARAMS = new Set(["api_secret", "token", "key", "signature", "password"]);

export function isSensitiveQueryParam(name: string): boolean {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name.replace(/\+/g, " "));
  } catch {
    // a malformed escape: compare the name as written
  }
  return SENSITIVE_QUERY_PARAMS.has(decoded.trim().toLowerCase());
}

/**
 * The URL with the value of each sensitive query parameter replaced by the mask. Works on the
 * text, not through URL parsing, so every other byte of the URL stays as it was sent.
 */
export function redactUrl(url: string): string {
  const query = url.indexOf("?");
  if (query === -1) return url;
  const hash = url.indexOf("#", query);
  const end = hash === -1 ? url.length : hash;
  const pairs = url.slice(query + 1, end).split("&");
  const redacted = pairs.map((pair) => {
    const equals = pair.indexOf("=");
    if (equals === -1) return pair;
    const name = pair.slice(0, equals);
    return isSensitiveQueryParam(name) && equals < pair.length - 1 ? `${name}=${MASK}` : pair;
  });
  return `${url.slice(0, query + 1)}${redacted.join("&")}${url.slice(end)}`;
}

/**
 * A request as kept for display (the delivery log, curl, the CSV, the API): sensitive header
 * values and query values masked. `secretNames` adds the headers the admin marked secret.
 */
export function redactRequest<R extends { url: string; headers: readonly Header[] }>(
  request: R,
  secretNames: ReadonlySet<string> = new Set(),
): R {
  return {
    ...request,
    url: redactUrl(request.url),
    headers: maskHeaders(
      request.headers.map((header) =>
        secretNames.has(header.name.toLowerCase()) ? { ...header, secret: true } : header,
      ),
    ).map(({ secret: _secret, ...header }) => header),
  };
}
