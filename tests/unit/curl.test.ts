import { describe, expect, it } from "vitest";
import { type RenderedRequest, toCurl } from "@/lib/render";

const utf8 = (text: string) => new TextEncoder().encode(text);

function request(overrides: Partial<RenderedRequest>): RenderedRequest {
  return {
    method: "POST",
    url: "https://crm.example.com/hooks",
    headers: [],
    body: null,
    ...overrides,
  };
}

describe("toCurl", () => {
  it("GET: method, URL, headers, and curl's own Accept and User-Agent removed", () => {
    expect(
      toCurl(
        request({
          method: "GET",
          url: "https://crm.example.com/hooks?src=calls&utm%5B%5D=google",
          headers: [{ name: "Authorization", value: "Bearer s3cr3t" }],
        }),
      ),
    ).toBe(
      [
        "curl --globoff --path-as-is -X GET 'https://crm.example.com/hooks?src=calls&utm%5B%5D=google'",
        "  -H 'Authorization: Bearer s3cr3t'",
        "  -H 'Accept:' -H 'User-Agent:'",
      ].join(" \\\n"),
    );
  });

  it("POST json: the body as one literal argument", () => {
    expect(
      toCurl(
        request({
          headers: [{ name: "Content-Type", value: "application/json; charset=utf-8" }],
          body: utf8('{"Имя":"Олена"}'),
        }),
      ),
    ).toBe(
      [
        "curl --globoff --path-as-is -X POST 'https://crm.example.com/hooks'",
        "  -H 'Content-Type: application/json; charset=utf-8'",
        "  -H 'Accept:' -H 'User-Agent:' -H 'Expect:'",
        `  --data-raw '{"Имя":"Олена"}'`,
      ].join(" \\\n"),
    );
  });

  it("removes curl's form Content-Type when the request has none", () => {
    expect(toCurl(request({ method: "PUT", body: utf8("x") }))).toBe(
      [
        "curl --globoff --path-as-is -X PUT 'https://crm.example.com/hooks'",
        "  -H 'Accept:' -H 'User-Agent:' -H 'Content-Type:' -H 'Expect:'",
        "  --data-raw 'x'",
      ].join(" \\\n"),
    );
  });

  it("leaves a default alone that the request sets itself, in any case", () => {
    const command = toCurl(
      request({
        headers: [
          { name: "accept", value: "application/json" },
          { name: "User-Agent", value: "Ringo" },
          { name: "content-type", value: "text/plain" },
        ],
        body: utf8(""),
      }),
    );
    expect(command).toContain("-H 'accept: application/json' \\\n  -H 'User-Agent: Ringo'");
    expect(command).toContain("\\\n  -H 'Expect:' \\\n  --data-raw ''");
    expect(command).not.toContain("-H 'Accept:'");
    expect(command).not.toContain("-H 'User-Agent:'");
    expect(command).not.toContain("-H 'Content-Type:'");
  });

  it("sends an empty header value with curl's Name; form", () => {
    expect(toCurl(request({ method: "GET", headers: [{ name: "X-Empty", value: "" }] }))).toContain(
      "-H 'X-Empty;'",
    );
  });

  it("quotes single quotes and keeps $, backticks, backslashes and @ literal", () => {
    const command = toCurl(
      request({
        url: "https://crm.example.com/it's",
        headers: [{ name: "X-Q", value: "it's" }],
        body: utf8("@file it's $HOME `id` \\n"),
      }),
    );
    expect(command).toContain("'https://crm.example.com/it'\\''s'");
    expect(command).toContain("-H 'X-Q: it'\\''s'");
    expect(command).toContain("--data-raw '@file it'\\''s $HOME `id` \\n'");
  });

  it("pipes a body that cannot be an argument through printf", () => {
    const command = toCurl(request({ body: new Uint8Array([0x61, 0x00, 0xff, 0x27]) }));
    expect(command).toBe(
      [
        "printf '\\141\\000\\377\\047' | curl --globoff --path-as-is -X POST 'https://crm.example.com/hooks'",
        "  -H 'Accept:' -H 'User-Agent:' -H 'Content-Type:' -H 'Expect:'",
        "  --data-binary @-",
      ].join(" \\\n"),
    );
  });
});
