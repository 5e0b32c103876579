import { describe, expect, it, vi } from "vitest";
import { canUse, roleAtLeast } from "@/lib/auth/roles";
import { actionRefusal, sessionAction } from "@/lib/auth/session-action";
import { signInAs } from "@/tests/helpers/portal-session";

vi.mock("@/lib/auth/next-auth", () => import("@/tests/helpers/portal-session"));

const base = { id: "u1", email: "a@example.test", name: "A", accountId: "00000000-0000-4000-8000-000000000001", isOperator: false };
const member = { ...base, role: "member" as const };
const admin = { ...base, role: "admin" as const };
const owner = { ...base, role: "owner" as const };

describe("roles", () => {
  it("orders owner over admin over member", () => {
    expect(roleAtLeast("owner", "admin")).toBe(true);
    expect(roleAtLeast("admin", "owner")).toBe(false);
    expect(roleAtLeast("member", "member")).toBe(true);
    expect(canUse(member, "messaging")).toBe(true);
    expect(canUse(member, "webhooks")).toBe(false);
    expect(canUse(admin, "team")).toBe(true);
  });

  it("actions need an admin unless they name another role; operator actions need an operator", () => {
    expect(actionRefusal(member, {})).toMatch(/owner or an admin/);
    expect(actionRefusal(admin, {})).toBeNull();
    expect(actionRefusal(member, { role: "member" })).toBeNull();
    expect(actionRefusal(admin, { role: "owner" })).toMatch(/owner can/);
    expect(actionRefusal(owner, { operator: true })).toMatch(/operators/);
    expect(actionRefusal({ ...member, isOperator: true }, { operator: true })).toBeNull();
    expect(actionRefusal({ ...base, role: "root" as never }, { role: "member" })).not.toBeNull();
  });

  it("a refused action never runs its handler", async () => {
    signInAs(member);
    const handler = vi.fn(async () => ({ status: "success" as const }));
    const action = sessionAction(handler);
    expect(await action({ status: "idle" }, new FormData())).toEqual({ status: "error", message: "Only the account owner or an admin can do this." });
    expect(handler).not.toHaveBeenCalled();
    expect(await sessionAction(handler, { role: "member" })({ status: "idle" }, new FormData())).toEqual({ status: "success" });
  });
});
