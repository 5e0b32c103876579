// CLI commands contributed by feature areas (send, dlq replay, provider status), merged into smsctl.
type Options = Record<string, string | boolean | undefined>;

export const cliCommands: Record<string, { usage: string; run: (options: Options) => Promise<unknown> }> = {};
