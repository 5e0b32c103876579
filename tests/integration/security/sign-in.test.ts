import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { closeSignInThrottle } from "@/lib/auth/sign-in-throttle";
import { createTestAccount } from "@/tests/helpers/accounts";
import { AuthClient } from "./auth-client";

afterAll(closeSignInThrottle);

const uniqueIp = () => `2001:db8::${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}`;
const signedInRedirect = (location: string | null) => expect(location).not.toContain("error=");

describe("POST /api/auth/callback/credentials", () => {
  it("signs in with the right password and refuses a wrong one without saying which part was wrong", async () => {
    const account = await createTestAccount();
    const client = new AuthClient(uniqueIp());
    const wrong = await client.signIn(account.email, `${account.password}-wrong`);
    expect(wrong.status).toBe(302);
    expect(wrong.headers.get("location")).toContain("error=CredentialsSignin");
    expect(client.sessionCookie).toBeUndefined();

    const right = await client.signIn(account.email, account.password);
    expect(right.status).toBe(302);
    signedInRedirect(right.headers.get("location"));
    expect(await client.sessionUserId()).toBe(account.userId);
  });

  it("answers 429 with Retry-After after 10 failures for one email, even with the right password", async () => {
    const account = await createTestAccount();
    for (let failure = 1; failure <= 10; failure++) {
      // A new client IP each time: the per-email limit holds across addresses.
      const response = await new AuthClient(uniqueIp()).signIn(account.email, `wrong-${failure}`);
      expect(response.headers.get("location")).toContain("error=CredentialsSignin");
    }
    const client = new AuthClient(uniqueIp());
    const refused = await client.signIn(account.email, account.password);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    expect(refused.body).toMatchObject({ error: { code: "rate_limited", message: "Too many sign-in attempts. Try again in 15 minutes." } });
    expect(client.sessionCookie).toBeUndefined();
    expect((await db.user.findUniqueOrThrow({ where: { id: account.userId } })).lastSignInAt).toBeNull();
  });

  it("limits one client IP to 10 failures across emails", async () => {
    const [first, second] = [await createTestAccount(), await createTestAccount()];
    const client = new AuthClient(uniqueIp());
    for (let failure = 1; failure <= 10; failure++) {
      await client.signIn(`nobody-${failure}-${randomBytes(3).toString("hex")}@example.test`, "whatever-password");
    }
    expect((await client.signIn(first.email, first.password)).status).toBe(429);
    // Another address is not affected.
    const elsewhere = new AuthClient(uniqueIp());
    expect((await elsewhere.signIn(second.email, second.password)).status).toBe(302);
    expect(await elsewhere.sessionUserId()).toBe(second.userId);
  });

  it("forgets an email's failures after a successful sign-in", async () => {
    const account = await createTestAccount();
    for (let failure = 1; failure <= 9; failure++) await new AuthClient(uniqueIp()).signIn(account.email, "wrong-password");
    expect(await signInUserId(account.email, account.password)).toBe(account.userId);
    for (let failure = 1; failure <= 9; failure++) await new AuthClient(uniqueIp()).signIn(account.email, "wrong-password");
    expect(await signInUserId(account.email, account.password)).toBe(account.userId);
  });
});

async function signInUserId(email: string, password: string): Promise<string | null> {
  const client = new AuthClient(uniqueIp());
  await client.signIn(email, password);
  return client.sessionUserId();
}

describe("session revocation", () => {
  it("sign-out revokes the session server-side: a copy of the cookie no longer works", async () => {
    const account = await createTestAccount();
    const browser = new AuthClient(uniqueIp());
    await browser.signIn(account.email, account.password);
    const copied = new AuthClient(uniqueIp());
    copied.cookies.set("authjs.session-token", browser.sessionCookie!);
    expect(await copied.sessionUserId()).toBe(account.userId);

    await browser.signOut();
    expect(browser.sessionCookie).toBeUndefined();
    expect((await db.user.findUniqueOrThrow({ where: { id: account.userId } })).sessionVersion).toBe(1);
    expect(await copied.sessionUserId()).toBeNull();
  });

  it("signs out every session of the user, and a revoked cookie cannot sign out the newer ones", async () => {
    const account = await createTestAccount();
    const [laptop, phone] = [new AuthClient(uniqueIp()), new AuthClient(uniqueIp())];
    await laptop.signIn(account.email, account.password);
    await phone.signIn(account.email, account.password);
    const stolen = new AuthClient(uniqueIp());
    stolen.cookies.set("authjs.session-token", laptop.sessionCookie!);

    await laptop.signOut();
    expect(await phone.sessionUserId()).toBeNull();

    const again = new AuthClient(uniqueIp());
    await again.signIn(account.email, account.password);
    await stolen.signOut();
    expect(await again.sessionUserId()).toBe(account.userId);
    expect((await db.user.findUniqueOrThrow({ where: { id: account.userId } })).sessionVersion).toBe(1);
  });

  it("refuses a token whose version is behind the user's", async () => {
    const account = await createTestAccount();
    const browser = new AuthClient(uniqueIp());
    await browser.signIn(account.email, account.password);
    expect(await browser.sessionUserId()).toBe(account.userId);
    await db.user.update({ where: { id: account.userId }, data: { sessionVersion: { increment: 1 } } });
    expect(await browser.sessionUserId()).toBeNull();
    // The refused cookie is cleared, as for any invalid session.
    expect(browser.sessionCookie).toBeUndefined();
  });
});
