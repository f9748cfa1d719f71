import { describe, expect, it } from "vitest";
import { isSensitiveHeader, MASK, maskHeaders, unmaskHeaders } from "@/lib/model/sensitive";

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
