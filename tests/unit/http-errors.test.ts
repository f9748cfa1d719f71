import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { toErrorResponse } from "@/lib/http/errors";

describe("error mapping", () => {
  it("maps a zod error to 422 naming the full field path", () => {
    const schema = z.object({
      requests: z.array(
        z.object({ params: z.array(z.object({ name: z.string().min(1, "Enter a name") })) }),
      ),
    });
    const result = schema.safeParse({
      requests: [{ params: [{ name: "ok" }] }, { params: [{ name: "" }] }],
    });
    if (result.success) throw new Error("expected a failure");
    expect(toErrorResponse(result.error)).toEqual({
      status: 422,
      body: {
        error: {
          code: "validation_failed",
          message: "requests[1].params[0].name: Enter a name",
          field: "requests[1].params[0].name",
        },
      },
    });
  });

  it("keeps AppError codes and statuses", () => {
    expect(toErrorResponse(new AppError("locked", "Locked", "name"))).toEqual({
      status: 409,
      body: { error: { code: "locked", message: "Locked", field: "name" } },
    });
  });

  it("maps Prisma's not-found and unique errors, and hides anything else", () => {
    expect(toErrorResponse({ code: "P2025" }).status).toBe(404);
    expect(toErrorResponse({ code: "P2002" }).status).toBe(409);
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const hidden = toErrorResponse(new Error("SQLITE_CORRUPT at /secret/path"));
    expect(hidden.status).toBe(500);
    expect(JSON.stringify(hidden.body)).not.toContain("secret");
    spy.mockRestore();
  });
});
