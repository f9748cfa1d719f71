// Reference digests from coreutils (`printf '%s' … | md5sum`, sha1sum, sha256sum) and, for
// CRC-32, the trailer gzip writes (`printf '%s' … | gzip -c | tail -c8 | od -An -tx4`).
import { describe, expect, it } from "vitest";
import { type WebhookRequestInput, webhookRequestSchema } from "@/lib/model/event-schema";
import { type CallData, type RenderContext, renderRequest } from "@/lib/render";
import { hashText } from "@/lib/render/hashes";

const REFERENCES = {
  hello: {
    md5: "5d41402abc4b2a76b9719d911017c592",
    crc32: "3610a686",
    sha1: "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d",
    sha256: "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
  },
  "Привіт, світ": {
    md5: "40083fa8969ab295760820400e7e82a7",
    crc32: "c358c0e8",
    sha1: "8287deb1fe67e150f81a2368fa105ffdb31e2dd2",
    sha256: "efc11ce98f336da79a267f3672a8edfb620da21af8b08349563963c7530e0dbf",
  },
  "": {
    md5: "d41d8cd98f00b204e9800998ecf8427e",
    crc32: "00000000",
    sha1: "da39a3ee5e6b4b0d3255bfef95601890afd80709",
    sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  },
} as const;

describe("hashText", () => {
  for (const [text, digests] of Object.entries(REFERENCES)) {
    for (const [type, digest] of Object.entries(digests)) {
      it(`${type}(${JSON.stringify(text)}) of the UTF-8 bytes`, () => {
        expect(hashText(type as keyof typeof digests, text)).toBe(digest);
      });
    }
  }

  it("zero-pads a CRC-32 below 0x10000000 to 8 digits", () => {
    expect(hashText("crc32", "ae")).toBe("00e7ddce");
  });
});

describe("hash parameters", () => {
  const CONTEXT: RenderContext = {
    projectId: "p",
    timeZone: "Europe/Kyiv",
    eventType: "incoming.after_call",
    eventTime: "2026-11-29T08:18:30Z",
    deliveryId: "d",
  };
  const CALL: Partial<CallData> = {
    uniqueid: "1732871234.10452",
    calldate: "2026-11-29T08:15:04Z",
  };

  function body(params: WebhookRequestInput["params"], format: "json" | "form" = "json") {
    const request = webhookRequestSchema.parse({
      url: "https://crm.example.com/hooks",
      method: "POST",
      format,
      dateFormat: "unix",
      params,
    });
    return new TextDecoder().decode(renderRequest(request, CALL, CONTEXT).body ?? new Uint8Array());
  }

  it("digest the rendered text of the value, in every kind", () => {
    expect(
      body([
        { name: "md5", type: "md5", value: "hello" },
        { name: "crc32", type: "crc32", value: "hello" },
        { name: "sha1", type: "sha1", value: "hello" },
        { name: "sign", type: "sha256", value: "{{uniqueid}}:my-secret" },
      ]),
    ).toBe(
      '{"md5":"5d41402abc4b2a76b9719d911017c592","crc32":"3610a686",' +
        '"sha1":"aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d",' +
        '"sign":"723677920ab95289d50f80f47d9fbb409f8d4f81d855cdd4c123ad30ba971734"}',
    );
  });

  it("see dates in the request's date format and absent values as empty text", () => {
    expect(
      body([
        { name: "at", type: "md5", value: "{{calldate}}" },
        { name: "none", type: "md5", value: "{{recording}}" },
      ]),
    ).toBe('{"at":"c1497382469947301bd8dbd5c234b028","none":"d41d8cd98f00b204e9800998ecf8427e"}');
  });

  it("are strings in form too, inside objects", () => {
    expect(
      body(
        [{ name: "o", type: "object", fields: [{ name: "h", type: "crc32", value: "ae" }] }],
        "form",
      ),
    ).toBe("o%5Bh%5D=00e7ddce");
  });
});
