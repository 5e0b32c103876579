import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { changePassword } from "@/lib/auth/change-password";
import { closeSignInThrottle } from "@/lib/auth/sign-in-throttle";
import { AppError } from "@/lib/http/errors";
import { createTestAccount } from "@/tests/helpers/accounts";
import { AuthClient } from "./auth-client";

afterAll(closeSignInThrottle);

const uniqueIp = () => `2001:db8:1::${randomBytes(2).toString("hex")}`;

describe("password change", () => {
  it("refuses a wrong current password and changes nothing", async () => {
    const account = await createTestAccount();
    const before = await db.user.findUniqueOrThrow({ where: { id: account.userId }, omit: { passwordHash: false } });
    const attempt = changePassword({ userId: account.userId, email: account.email, ip: uniqueIp(), currentPassword: "not-the-password", newPassword: "a-brand-new-password" });
    await expect(attempt).rejects.toMatchObject({ code: "validation_failed", details: [{ field: "currentPassword", message: "Current password is incorrect" }] });
    const after = await db.user.findUniqueOrThrow({ where: { id: account.userId }, omit: { passwordHash: false } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.sessionVersion).toBe(before.sessionVersion);
  });

  it("ends every existing session and only the new password signs in", async () => {
    const account = await createTestAccount();
    const browser = new AuthClient(uniqueIp());
    await browser.signIn(account.email, account.password);
    expect(await browser.sessionUserId()).toBe(account.userId);

    const newPassword = `new-${randomBytes(8).toString("hex")}`;
    await changePassword({ userId: account.userId, email: account.email, ip: uniqueIp(), currentPassword: account.password, newPassword });
    expect(await browser.sessionUserId()).toBeNull();

    const withOld = new AuthClient(uniqueIp());
    await withOld.signIn(account.email, account.password);
    expect(await withOld.sessionUserId()).toBeNull();
    const withNew = new AuthClient(uniqueIp());
    await withNew.signIn(account.email, newPassword);
    expect(await withNew.sessionUserId()).toBe(account.userId);
  });

  it("counts wrong current passwords against the sign-in throttle", async () => {
    const account = await createTestAccount();
    const request = { userId: account.userId, email: account.email, currentPassword: "wrong-password", newPassword: "a-brand-new-password" };
    for (let failure = 1; failure <= 10; failure++) await expect(changePassword({ ...request, ip: uniqueIp() })).rejects.toBeInstanceOf(AppError);
    await expect(changePassword({ ...request, currentPassword: account.password, ip: uniqueIp() })).rejects.toMatchObject({ code: "rate_limited" });
  });
});
