import { describe, expect, it } from "vitest";
import { z } from "zod";
import { domainFailure, formValues, validationFailed } from "@/lib/form-state";
import { AppError } from "@/lib/http/errors";

describe("formValues", () => {
  it("keeps string fields and drops passwords, files and React action fields", () => {
    const data = new FormData();
    data.set("email", "a@example.test");
    data.set("password", "secret-secret");
    data.set("$ACTION_ID_abc", "");
    data.set("upload", new Blob(["x"]));
    expect(formValues(data)).toEqual({ email: "a@example.test" });
  });
});

describe("validationFailed", () => {
  it("maps zod issues to field errors", () => {
    const result = z.object({ name: z.string().min(2, "Too short") }).safeParse({ name: "a" });
    expect(result.success).toBe(false);
    const state = validationFailed(result.error!, { name: "a" });
    expect(state).toMatchObject({ status: "error", fieldErrors: { name: ["Too short"] }, values: { name: "a" } });
  });
});

describe("domainFailure", () => {
  it("puts an AppError with a field on that field", () => {
    const state = domainFailure(new AppError("conflict", "Taken", [{ field: "email", message: "Taken" }]), {});
    expect(state).toEqual({ status: "error", message: "Taken", fieldErrors: { email: ["Taken"] }, values: {} });
  });

  it("lists every detail of a field under that field, nested paths under their first segment", () => {
    const details = [
      { field: "body", message: "Too many capitals", code: "excessive_capitals" },
      { field: "body", message: "Blocked word", code: "blocklist" },
      { field: "customPayload.a", message: "Bad key" },
    ];
    const state = domainFailure(new AppError("content_rejected", "Rejected", details), { body: "x" });
    expect(state.fieldErrors).toEqual({ body: ["Too many capitals", "Blocked word"], customPayload: ["Bad key"] });
  });

  it("uses a form-level message for an AppError without a field", () => {
    expect(domainFailure(new AppError("conflict", "Already requested"), {})).toEqual({ status: "error", message: "Already requested", values: {} });
  });

  it("rethrows anything else", () => {
    const unexpected = new Error("boom");
    expect(() => domainFailure(unexpected, {})).toThrow(unexpected);
  });
});
