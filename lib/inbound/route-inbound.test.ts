import { describe, expect, it } from "vitest";
import { decideInbound, routeInbound, type NumberOwner } from "@/lib/inbound/route-inbound";

const owner = (id: string, keyword: string | null, sendConfirmations = true): NumberOwner => ({ id, accountId: `acc-${id}`, accountName: `Org ${id}`, keyword, sendConfirmations });

describe("routing an inbound message", () => {
  const shared = [owner("acme", "ACME"), owner("beta", "BETA")];

  it("gives a dedicated number's messages to its owner, the first word as command", () => {
    expect(routeInbound([owner("solo", null)], ["STOP"])).toEqual({ owner: owner("solo", null), command: "STOP" });
    expect(routeInbound([owner("solo", null)], [])).toEqual({ owner: owner("solo", null), command: null });
  });

  it("splits a shared short code by keyword, before or after a standard word", () => {
    expect(routeInbound(shared, ["ACME", "STOP"])).toMatchObject({ owner: { id: "acme" }, command: "STOP" });
    expect(routeInbound(shared, ["STOP", "BETA"])).toMatchObject({ owner: { id: "beta" }, command: "STOP" });
    expect(routeInbound(shared, ["BETA"])).toMatchObject({ owner: { id: "beta" }, command: "BETA" });
    expect(routeInbound(shared, ["HELLO", "ACME"])).toBeNull();
    expect(routeInbound(shared, ["STOP"])).toBeNull();
    expect(routeInbound([...shared, owner("rest", null)], ["HELLO"])).toMatchObject({ owner: { id: "rest" }, command: "HELLO" });
    expect(routeInbound([], ["STOP"])).toBeNull();
  });
});

describe("deciding what an inbound message does", () => {
  const route = { owner: owner("acme", null), command: "STOP" };

  it("applies standard keywords, confirming only when the number sends confirmations", () => {
    expect(decideInbound(route, null)).toEqual({ keyword: "STOP", action: "opt_out", replyBody: expect.stringContaining("Reply START") });
    expect(decideInbound({ owner: owner("zero", null, false), command: "START" }, null)).toEqual({ keyword: "START", action: "opt_in", replyBody: null });
    expect(decideInbound({ owner: owner("zero", null, false), command: "HELP" }, null)).toMatchObject({ action: "help", replyBody: expect.stringContaining("STOP") });
    expect(decideInbound({ owner: owner("acme", null), command: "HABARI" }, null)).toEqual({ keyword: null, action: null, replyBody: null });
    expect(decideInbound({ owner: owner("acme", null), command: null }, null)).toEqual({ keyword: null, action: null, replyBody: null });
  });

  it("prefers the account's keyword and its text", () => {
    expect(decideInbound({ owner: owner("acme", null), command: "PRICE" }, { keyword: "PRICE", action: "reply", reply: "Bread is 60/-" })).toEqual({
      keyword: "PRICE",
      action: "reply",
      replyBody: "Bread is 60/-",
    });
    expect(decideInbound(route, { keyword: "STOP", action: "opt_out", reply: "Bye from Acme" })).toEqual({ keyword: "STOP", action: "opt_out", replyBody: "Bye from Acme" });
    expect(decideInbound({ owner: owner("zero", null, false), command: "STOP" }, { keyword: "STOP", action: "opt_out", reply: "Bye" })).toMatchObject({ replyBody: null });
  });
});
