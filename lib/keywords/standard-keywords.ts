/** What a standard keyword does when the account has not defined the word itself. */
export type StandardAction = "opt_out" | "opt_in" | "help";

/** Standard keywords every account answers (Kenyan promotional senders must honour STOP). */
export const STANDARD_KEYWORDS: Readonly<Record<string, StandardAction>> = {
  STOP: "opt_out",
  STOPALL: "opt_out",
  UNSUBSCRIBE: "opt_out",
  CANCEL: "opt_out",
  END: "opt_out",
  QUIT: "opt_out",
  START: "opt_in",
  UNSTOP: "opt_in",
  YES: "opt_in",
  HELP: "help",
};

export function standardAction(word: string): StandardAction | null {
  return Object.hasOwn(STANDARD_KEYWORDS, word) ? STANDARD_KEYWORDS[word] : null;
}

/** The keyword action an account's own definition of a standard word must keep (its text may change). */
export function requiredKeywordAction(word: string): "opt_out" | "opt_in" | "reply" | null {
  const action = standardAction(word);
  if (action === null) return null;
  return action === "help" ? "reply" : action;
}

/** The default texts, used when the account has not written its own for the word. */
export function standardReply(action: StandardAction, accountName: string): string {
  switch (action) {
    case "opt_out":
      return `You will no longer receive messages from ${accountName}. Reply START to subscribe again.`;
    case "opt_in":
      return `You will receive messages from ${accountName} again. Reply STOP to unsubscribe.`;
    case "help":
      return `${accountName}: reply STOP to unsubscribe, START to subscribe again.`;
  }
}
