import { getProviderStatus } from "@/lib/routing/get-provider-status";
import { createProvider, listProviders, setProviderEnabled, updateProvider } from "@/lib/routing/manage-providers";
import { listRoutes, setRoute } from "@/lib/routing/manage-routes";
import { validate } from "@/lib/http/parse";
import { createProviderInput, updateProviderInput } from "@/lib/routing/schemas";

type Options = Record<string, string | boolean | undefined>;
type Command = { usage: string; run: (options: Options) => Promise<unknown> };

const text = (options: Options, name: string) => (typeof options[name] === "string" ? (options[name] as string).trim() : undefined);
const int = (options: Options, name: string) => (text(options, name) === undefined ? undefined : Number(text(options, name)));

function requiredText(options: Options, name: string): string {
  const value = text(options, name);
  if (!value) throw new Error(`--${name} is required`);
  return value;
}

/** "Safaricom=50,Airtel=45,*=60" → { Safaricom: 50, Airtel: 45, "*": 60 } (cost per segment, minor units). */
function costs(options: Options): Record<string, number> | undefined {
  const raw = text(options, "costs");
  if (raw === undefined) return undefined;
  return Object.fromEntries(raw.split(",").filter(Boolean).map((pair) => {
    const [mno, value] = pair.split("=");
    return [mno.trim(), Number(value)];
  }));
}

/** Connection settings and secrets from flags, by kind; absent flags are left out (update merges). */
function connection(kind: string | undefined, options: Options) {
  const drop = <T extends object>(value: T) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
  if (kind === "smpp") {
    return {
      settings: drop({ host: text(options, "host"), port: int(options, "port"), systemId: text(options, "system-id"), systemType: text(options, "system-type"), windowSize: int(options, "window"), timeoutMs: int(options, "timeout-ms") }),
      secrets: drop({ password: text(options, "password") }),
    };
  }
  return {
    settings: drop({ baseUrl: text(options, "base-url"), partnerId: text(options, "partner-id"), timeoutMs: int(options, "timeout-ms") }),
    secrets: drop({ apiKey: text(options, "api-key") }),
  };
}

export const providerCommands: Record<string, Command> = {
  "provider list": {
    usage: "provider list",
    run: async () => ({ providers: await listProviders(), routes: await listRoutes() }),
  },
  "provider add": {
    usage: "provider add --name NAME --kind celcom|smpp [--base-url URL --partner-id ID --api-key KEY | --host H --port P --system-id ID --password PW] [--max-per-second N] [--costs Safaricom=50,*=60] [--disabled]",
    async run(options) {
      const kind = text(options, "kind");
      const { settings, secrets } = connection(kind, options);
      return createProvider(
        validate(createProviderInput, { name: text(options, "name"), kind, settings, secrets, maxPerSecond: int(options, "max-per-second"), costs: costs(options), enabled: options.disabled !== true }),
      );
    },
  },
  "provider update": {
    usage: "provider update --name NAME [connection flags as for add] [--max-per-second N] [--costs …] [--enable]",
    async run(options) {
      const name = requiredText(options, "name");
      const current = (await listProviders()).find((provider) => provider.name === name);
      const { settings, secrets } = connection(current?.kind, options);
      return updateProvider(
        name,
        validate(updateProviderInput, {
          settings: Object.keys(settings).length > 0 ? settings : undefined,
          secrets: Object.keys(secrets).length > 0 ? secrets : undefined,
          maxPerSecond: int(options, "max-per-second"),
          costs: costs(options),
          enabled: options.enable === true ? true : undefined,
        }),
      );
    },
  },
  "provider disable": {
    usage: "provider disable --name NAME",
    run: async (options) => setProviderEnabled(requiredText(options, "name"), false),
  },
  "provider status": {
    usage: "provider status",
    run: () => getProviderStatus(),
  },
  "route set": {
    usage: "route set --country KE [--mno Safaricom] --providers a,b [--strategy priority|score]",
    run: async (options) =>
      setRoute({
        country: requiredText(options, "country"),
        mno: text(options, "mno"),
        providers: requiredText(options, "providers").split(",").map((name) => name.trim()).filter(Boolean),
        strategy: text(options, "strategy") as "priority" | "score" | undefined,
      }),
  },
  "route list": {
    usage: "route list",
    run: () => listRoutes(),
  },
};
