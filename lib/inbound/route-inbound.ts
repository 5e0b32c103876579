import { standardAction, standardReply } from "@/lib/keywords/standard-keywords";

/** An inbound number row that could own a message sent to its number. */
export interface NumberOwner {
  id: string;
  accountId: string;
  accountName: string;
  /** Upper case; null = the number's catch-all owner. */
  keyword: string | null;
  sendConfirmations: boolean;
}

export interface Route {
  owner: NumberOwner;
  /** The word matched against the account's keywords (upper case), if the text has one. */
  command: string | null;
}

/**
 * Who a message to a number belongs to, from its first two words:
 * 1. a keyword owner whose keyword is the first word ("ACME STOP" → ACME's, command STOP; a lone
 *    "ACME" is its own command);
 * 2. a standard keyword followed by an owner's keyword ("STOP ACME" → ACME's, command STOP);
 * 3. the number's catch-all owner (command: the first word);
 * otherwise nobody (the message is kept for operators).
 */
export function routeInbound(owners: readonly NumberOwner[], words: readonly string[]): Route | null {
  const [first, second] = words;
  const byKeyword = (word: string | undefined) => (word === undefined ? undefined : owners.find((owner) => owner.keyword === word));
  const direct = byKeyword(first);
  if (direct) return { owner: direct, command: second ?? first };
  if (first !== undefined && standardAction(first) !== null) {
    const named = byKeyword(second);
    if (named) return { owner: named, command: first };
  }
  const catchAll = owners.find((owner) => owner.keyword === null);
  return catchAll ? { owner: catchAll, command: first ?? null } : null;
}

/** An account keyword that matched the command. */
export interface MatchedKeyword {
  keyword: string;
  action: "reply" | "opt_out" | "opt_in";
  reply: string | null;
}

export interface InboundDecision {
  /** The keyword that matched (the account's or a standard one), upper case. */
  keyword: string | null;
  action: "reply" | "opt_out" | "opt_in" | "help" | null;
  /** The automatic reply to send, if any. */
  replyBody: string | null;
}

/**
 * What a routed message does. The account's own keyword wins; otherwise a standard keyword applies.
 * Replies (and HELP) always answer; STOP/START confirmations are sent only when the number has
 * confirmations on (off by default on zero-rated short codes), in the account's text when it wrote one.
 */
export function decideInbound(route: Route, matched: MatchedKeyword | null): InboundDecision {
  const { owner, command } = route;
  if (matched) {
    if (matched.action === "reply") return { keyword: matched.keyword, action: "reply", replyBody: matched.reply };
    const confirmation = matched.reply ?? standardReply(matched.action, owner.accountName);
    return { keyword: matched.keyword, action: matched.action, replyBody: owner.sendConfirmations ? confirmation : null };
  }
  const standard = command === null ? null : standardAction(command);
  if (standard === null) return { keyword: null, action: null, replyBody: null };
  if (standard === "help") return { keyword: command, action: "help", replyBody: standardReply("help", owner.accountName) };
  return { keyword: command, action: standard, replyBody: owner.sendConfirmations ? standardReply(standard, owner.accountName) : null };
}
