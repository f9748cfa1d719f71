import { describe, expect, it } from "vitest";
import {
  isSecretHeader,
  isSensitiveHeader,
  MASK,
  maskHeaders,
  redactRequest,
  redactUrl,
  unmaskHeaders,
} from "@/lib/model/sensitive";

describe("sensitive headers", () => {
  it("names Authorization, Cookie, Proxy-Authorization and credential words, in any case", () => {
    for (const name of [
      "Authorization",
      "COOKIE",
      "proxy-authorization",
      "X-Auth-Token",
      "Client-Secret",
      "X-Api-Key",
      "Auth-key",
      "X-Hub-Signature-256",
      "X-Password",
    ])
      expect(isSensitiveHeader(name), name).toBe(true);
    for (const name of ["Content-Type", "Accept", "X-Trace", "User-Agent"])
      expect(isSensitiveHeader(name), name).toBe(false);
  });

  it("masks sensitive non-empty values and leaves the rest as they are", () => {
    expect(
      maskHeaders([
        { name: "Authorization", value: "Bearer abc" },
        { name: "X-Token", value: "" },
        { name: "X-Trace", value: "t-1" },
      ]),
    ).toEqual([
      { name: "Authorization", value: MASK },
      { name: "X-Token", value: "" },
      { name: "X-Trace", value: "t-1" },
    ]);
  });

  it("puts back the n-th stored value of the same name, and reports a mask with nothing behind it", () => {
    const stored = [
      { name: "X-Key", value: "first" },
      { name: "Authorization", value: "Bearer real" },
      { name: "x-key", value: "second" },
    ];
    const sent = [
      { name: "authorization", value: MASK },
      { name: "X-Key", value: "typed by hand" },
      { name: "X-KEY", value: MASK },
      { name: "X-Key", value: MASK },
    ];
    expect(unmaskHeaders(sent, stored)).toEqual({
      headers: [
        { name: "authorization", value: "Bearer real" },
        { name: "X-Key", value: "typed by hand" },
        { name: "X-KEY", value: "second" },
        { name: "X-Key", value: MASK },
      ],
      unresolved: [3],
    });
    expect(unmaskHeaders([{ name: "Cookie", value: MASK }], []).unresolved).toEqual([0]);
  });
});

describe("redacted requests", () => {
  it("masks the values of api_secret, token, key, signature and password in the query only", () => {
    expect(
      redactUrl(
        "https://x.example/mp/collect?measurement_id=G-1&api_secret=abc&Token=t%20v&keep=1#key=frag",
      ),
    ).toBe(
      `https://x.example/mp/collect?measurement_id=G-1&api_secret=${MASK}&Token=${MASK}&keep=1#key=frag`,
    );
    expect(redactUrl("https://x.example/a?key=1&key=2&monkey=3&signature=&password=p")).toBe(
      `https://x.example/a?key=${MASK}&key=${MASK}&monkey=3&signature=&password=${MASK}`,
    );
    // Escaped names are still recognised; the path and everything else stay byte for byte.
    expect(redactUrl("https://x.example/token/v?api%5Fsecret=s&q=%D0%AF")).toBe(
      `https://x.example/token/v?api%5Fsecret=${MASK}&q=%D0%AF`,
    );
    expect(redactUrl("https://x.example/no-query")).toBe("https://x.example/no-query");
  });

  it("masks sensitive and secret-marked header values and the URL together", () => {
    const request = {
      method: "POST",
      url: "https://x.example/h?token=t",
      headers: [
        { name: "Authorization", value: "Bearer b" },
        { name: "X-Custom", value: "c" },
        { name: "X-Trace", value: "visible" },
        { name: "webhook-signature", value: "v1,abc v1,def" },
      ],
    };
    const redacted = redactRequest(request, new Set(["x-custom"]));
    expect(redacted.url).toBe(`https://x.example/h?token=${MASK}`);
    expect(redacted.headers.map((h) => h.value)).toEqual([MASK, MASK, "visible", MASK]);
    expect(redacted.method).toBe("POST");
    expect(request.headers[0]?.value).toBe("Bearer b");
  });

  it("a header's secret flag overrides the name rule either way", () => {
    expect(isSecretHeader({ name: "X-Trace", secret: true })).toBe(true);
    expect(isSecretHeader({ name: "Authorization", secret: false })).toBe(false);
    expect(isSecretHeader({ name: "Authorization" })).toBe(true);
    expect(maskHeaders([{ name: "X-Trace", value: "v", secret: true }])[0]?.value).toBe(MASK);
  });
});
