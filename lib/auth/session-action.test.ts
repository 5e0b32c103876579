import { redirect } from "next/navigation";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { sessionAction, sessionCall, UNEXPECTED_FAILURE_MESSAGE } from "@/lib/auth/session-action";
import { AppError } from "@/lib/http/errors";
import { signInAs } from "@/tests/helpers/portal-session";

vi.mock("@/lib/auth/next-auth", () => import("@/tests/helpers/portal-session"));

const user = { id: "u1", email: "a@example.test", name: "A", accountId: "00000000-0000-4000-8000-000000000001", role: "owner" as const, isOperator: false };

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

describe("sessionAction", () => {
  it("hands the handler the user, the form and its values", async () => {
    signInAs(user);
    const action = sessionAction(async ({ user: who, values }) => ({ status: "success", message: `${who.accountId} ${values.name}` }));
    expect(await action({ status: "idle" }, form({ name: "x" }))).toEqual({ status: "success", message: `${user.accountId} x` });
  });

  it("answers 'not found' for an id field that is not a UUID, before the handler touches it", async () => {
    signInAs(user);
    const handler = vi.fn(async () => ({ status: "success" as const }));
    const action = sessionAction(async ({ id }) => {
      id("listId", "Contact list");
      return handler();
    });
    expect(await action({ status: "idle" }, form({ listId: "1 OR 1=1" }))).toMatchObject({ status: "error", message: "Contact list not found" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("turns zod and domain errors into form errors with the values echoed", async () => {
    signInAs(user);
    const zod = sessionAction(async ({ formData }) => {
      z.object({ name: z.string().min(3, "Too short") }).parse({ name: formData.get("name") });
      return { status: "success" };
    });
    expect(await zod({ status: "idle" }, form({ name: "x" }))).toMatchObject({ status: "error", fieldErrors: { name: ["Too short"] }, values: { name: "x" } });
    const domain = sessionAction(async () => {
      throw new AppError("conflict", "Taken", [{ field: "name", message: "Taken" }]);
    });
    expect(await domain({ status: "idle" }, form({ name: "x" }))).toMatchObject({ status: "error", message: "Taken", fieldErrors: { name: ["Taken"] } });
  });

  it("never throws for an unexpected error or for arguments that are not a form", async () => {
    signInAs(user);
    const broken = sessionAction(async () => {
      throw new Error("connection reset");
    });
    expect(await broken({ status: "idle" }, form({}))).toMatchObject({ status: "error", message: UNEXPECTED_FAILURE_MESSAGE });
    const echo = sessionAction(async ({ values }) => ({ status: "success", values }));
    expect(await echo("junk" as never, { get: 1 } as never)).toEqual({ status: "success", values: {} });
  });

  it("lets Next's redirect through, and sends a caller without a session to sign-in", async () => {
    signInAs(user);
    const redirecting = sessionAction(async () => redirect("/done"));
    await expect(redirecting({ status: "idle" }, form({}))).rejects.toMatchObject({ digest: expect.stringContaining("/done") });
    signInAs(null);
    await expect(redirecting({ status: "idle" }, form({}))).rejects.toMatchObject({ digest: expect.stringContaining("/sign-in") });
  });

  it("refuses operator actions to everyone else with a form error", async () => {
    signInAs(user);
    const operatorOnly = sessionAction(async () => ({ status: "success" }), { operator: true });
    expect(await operatorOnly({ status: "idle" }, form({}))).toMatchObject({ status: "error" });
    signInAs({ ...user, isOperator: true });
    expect(await operatorOnly({ status: "idle" }, form({}))).toEqual({ status: "success" });
  });
});

describe("sessionCall", () => {
  it("validates its argument and answers the result as data", async () => {
    signInAs(user);
    const double = sessionCall(z.number(), async (_user, value) => value * 2);
    expect(await double(21)).toEqual({ status: "success", data: 42 });
    expect(await double("21" as never)).toMatchObject({ status: "error" });
  });
});
