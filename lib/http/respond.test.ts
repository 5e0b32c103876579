import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, ERROR_STATUS } from "@/lib/http/errors";
import { errorResponse, json } from "@/lib/http/respond";

describe("errorResponse", () => {
  it("maps every AppError code through the one status table", async () => {
    for (const [code, status] of Object.entries(ERROR_STATUS)) {
      const details = [{ field: "a", message: "is wrong" }];
      const response = errorResponse(new AppError(code as keyof typeof ERROR_STATUS, "msg", details));
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual({ error: { code, message: "msg", details } });
    }
  });

  it("turns a zod error into 422 with field details", async () => {
    const result = z.object({ to: z.string() }).safeParse({ to: 5 });
    const response = errorResponse(result.error);
    expect(response.status).toBe(422);
    expect((await response.json()).error.details[0]).toMatchObject({ field: "to" });
  });

  it("hides the internals of unexpected errors behind a 500", async () => {
    const response = errorResponse(new Error("connection string postgres://secret@db"));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("secret");
    expect(JSON.parse(text).error.code).toBe("internal_error");
  });
});

describe("json", () => {
  it("serialises bigint money as numbers", async () => {
    expect(await json({ balance: 12n }).json()).toEqual({ balance: 12 });
  });
});
