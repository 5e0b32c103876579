import { isIPv4, isIPv6 } from "node:net";

/**
 * Where an address points, from the point of view of an outbound request made on a customer's behalf.
 * Only "public" is reachable by default; "loopback" and "private" can be opened by explicit settings;
 * "link_local" (which includes cloud metadata services) and "reserved" never can.
 */
export type AddressClass = "public" | "loopback" | "private" | "link_local" | "reserved";

export interface AddressPolicy {
  /** Local development and tests only: lets requests reach 127.0.0.0/8 and ::1. */
  allowLoopback?: boolean;
  /** Operator setting for on-premise receivers: lets requests reach RFC 1918, CGNAT and ULA ranges. */
  allowPrivate?: boolean;
  /**
   * Ports of the platform itself (the app, the simulators' unauthenticated admin APIs): never reachable
   * on loopback, even when `allowLoopback` is set.
   */
  protectedLoopbackPorts?: readonly number[];
}

interface Ipv4Range {
  base: number;
  prefix: number;
  addressClass: AddressClass;
}

interface Ipv6Range {
  base: bigint;
  prefix: number;
  addressClass: AddressClass;
}

const IPV4_RANGES: readonly Ipv4Range[] = [
  ["0.0.0.0", 8, "reserved"], // "this network"; 0.0.0.0 reaches the local host on Linux
  ["10.0.0.0", 8, "private"],
  ["100.64.0.0", 10, "private"], // carrier-grade NAT
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link_local"], // includes the 169.254.169.254 metadata service
  ["172.16.0.0", 12, "private"],
  ["192.0.0.0", 24, "reserved"], // IETF protocol assignments
  ["192.0.2.0", 24, "reserved"], // TEST-NET-1
  ["192.88.99.0", 24, "reserved"], // 6to4 relay anycast
  ["192.168.0.0", 16, "private"],
  ["198.18.0.0", 15, "reserved"], // benchmarking
  ["198.51.100.0", 24, "reserved"], // TEST-NET-2
  ["203.0.113.0", 24, "reserved"], // TEST-NET-3
  ["224.0.0.0", 4, "reserved"], // multicast
  ["240.0.0.0", 4, "reserved"], // future use, includes 255.255.255.255 broadcast
].map(([base, prefix, addressClass]) => ({
  base: ipv4ToInt(base as string),
  prefix: prefix as number,
  addressClass: addressClass as AddressClass,
}));

const IPV6_RANGES: readonly Ipv6Range[] = [
  ["64:ff9b:1::", 48, "private"], // local-use NAT64
  ["100::", 64, "reserved"], // discard-only
  ["2001:db8::", 32, "reserved"], // documentation
  ["2001::", 23, "reserved"], // IETF protocol assignments, includes Teredo tunnels
  ["fc00::", 7, "private"], // unique local addresses
  ["fec0::", 10, "private"], // deprecated site-local
  ["fe80::", 10, "link_local"],
  ["ff00::", 8, "reserved"], // multicast
  ["2000::", 3, "public"], // global unicast; anything outside it is unallocated
].map(([base, prefix, addressClass]) => ({
  base: ipv6ToBigInt(base as string),
  prefix: prefix as number,
  addressClass: addressClass as AddressClass,
}));

/**
 * Cloud instance-metadata endpoints. They hand out credentials, so they are classed as link-local
 * (never allowed) even where their range would otherwise be private or reserved.
 */
const CLOUD_METADATA_ADDRESSES = new Set<string>([
  "169.254.169.254", // AWS, GCP, Azure, OpenStack, Oracle
  "169.254.170.2", // AWS ECS task metadata
  "100.100.100.200", // Alibaba Cloud
  "192.0.0.192", // Oracle Cloud legacy
  canonicalIpv6("fd00:ec2::254"), // AWS IPv6 metadata
]);

const IPV4_MAPPED_PREFIX = 0xffffn << 32n; // ::ffff:0:0/96
const NAT64_WELL_KNOWN_PREFIX = ipv6ToBigInt("64:ff9b::"); // 64:ff9b::/96
const SIX_TO_FOUR_PREFIX = ipv6ToBigInt("2002::"); // 2002::/16
const LOW_32_BITS = 0xffffffffn;

/** Classifies a textual IPv4 or IPv6 address. Throws TypeError when the text is not an IP address. */
export function classifyIp(ip: string): AddressClass {
  const address = stripBrackets(ip);
  if (isIPv4(address)) return classifyIpv4(ipv4ToInt(address));
  if (isIPv6(address)) return classifyIpv6(ipv6ToBigInt(address));
  throw new TypeError(`Not an IP address: ${ip}`);
}

/** True when an outbound request may connect to `ip` under `policy`. Non-IP input is never allowed. */
export function isAllowedAddress(ip: string, policy: AddressPolicy = {}): boolean {
  let addressClass: AddressClass;
  try {
    addressClass = classifyIp(ip);
  } catch {
    return false;
  }
  return isClassAllowed(addressClass, policy);
}

export function isClassAllowed(addressClass: AddressClass, policy: AddressPolicy): boolean {
  switch (addressClass) {
    case "public":
      return true;
    case "loopback":
      return policy.allowLoopback === true;
    case "private":
      return policy.allowPrivate === true;
    case "link_local":
    case "reserved":
      return false;
  }
}

/** The policy for one destination port: loopback is closed on a protected port whatever the policy says. */
export function policyForPort(policy: AddressPolicy, port: number): AddressPolicy {
  return policy.allowLoopback === true && isProtectedLoopbackPort(policy, port) ? { ...policy, allowLoopback: false } : policy;
}

export function isProtectedLoopbackPort(policy: AddressPolicy, port: number): boolean {
  return policy.protectedLoopbackPorts?.includes(port) === true;
}

/** Host names of cloud metadata services: refused like their addresses, whatever they resolve to. */
const METADATA_HOSTNAMES = new Set(["metadata", "metadata.google.internal", "metadata.goog", "metadata.azure.internal", "instance-data", "instance-data.ec2.internal"]);

/** Suffixes that only ever name hosts inside a private network (RFC 6762 .local, RFC 8375 home.arpa, ICANN's .internal). */
const PRIVATE_NAME_SUFFIXES = [".internal", ".local", ".localdomain", ".lan", ".intranet", ".corp", ".home.arpa"];

/**
 * How a DNS host name is classed without resolving it: RFC 6761 `localhost` names are loopback, cloud
 * metadata names link-local, single-label names (`redis`, `simulator`) and private-network suffixes
 * private. Null for any other name, which only DNS can judge. IP literals are not names: use classifyIp.
 */
export function classifyHostname(hostname: string): AddressClass | null {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  if (name === "localhost" || name.endsWith(".localhost")) return "loopback";
  if (METADATA_HOSTNAMES.has(name)) return "link_local";
  if (!name.includes(".") || PRIVATE_NAME_SUFFIXES.some((suffix) => name.endsWith(suffix))) return "private";
  return null;
}

export function isCloudMetadataAddress(ip: string): boolean {
  const address = stripBrackets(ip);
  if (isIPv4(address)) return CLOUD_METADATA_ADDRESSES.has(address);
  if (isIPv6(address)) {
    const value = ipv6ToBigInt(address);
    const embedded = embeddedIpv4(value);
    if (embedded !== null) return CLOUD_METADATA_ADDRESSES.has(intToIpv4(embedded));
    return CLOUD_METADATA_ADDRESSES.has(bigIntToCanonicalIpv6(value));
  }
  return false;
}

/**
 * The IP address a URL hostname denotes literally (WHATWG-normalised, so `0x7f.1` is already
 * `127.0.0.1`), or null when the hostname is a DNS name. IPv6 brackets are removed.
 */
export function ipLiteralFromHostname(hostname: string): string | null {
  const address = stripBrackets(hostname);
  return isIPv4(address) || isIPv6(address) ? address : null;
}

function classifyIpv4(value: number): AddressClass {
  if (CLOUD_METADATA_ADDRESSES.has(intToIpv4(value))) return "link_local";
  for (const range of IPV4_RANGES) {
    if (inIpv4Range(value, range)) return range.addressClass;
  }
  return "public";
}

function classifyIpv6(value: bigint): AddressClass {
  if (value === 0n) return "reserved"; // unspecified ::
  if (value === 1n) return "loopback"; // ::1
  // Tunnelled and translated forms carry an IPv4 destination: the IPv4 rules decide.
  const embedded = embeddedIpv4(value);
  if (embedded !== null) return classifyIpv4(embedded);
  if (value >> 32n === 0n) return "reserved"; // deprecated IPv4-compatible ::a.b.c.d
  if (CLOUD_METADATA_ADDRESSES.has(bigIntToCanonicalIpv6(value))) return "link_local";
  for (const range of IPV6_RANGES) {
    if (inIpv6Range(value, range)) return range.addressClass;
  }
  return "reserved";
}

function embeddedIpv4(value: bigint): number | null {
  if (value >> 32n === IPV4_MAPPED_PREFIX >> 32n) return Number(value & LOW_32_BITS);
  if (value >> 32n === NAT64_WELL_KNOWN_PREFIX >> 32n) return Number(value & LOW_32_BITS);
  if (value >> 112n === SIX_TO_FOUR_PREFIX >> 112n) return Number((value >> 80n) & LOW_32_BITS);
  return null;
}

function inIpv4Range(value: number, range: Ipv4Range): boolean {
  const shift = 32 - range.prefix;
  return value >>> shift === range.base >>> shift;
}

function inIpv6Range(value: bigint, range: Ipv6Range): boolean {
  const shift = BigInt(128 - range.prefix);
  return value >> shift === range.base >> shift;
}

function stripBrackets(text: string): string {
  return text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
}

function ipv4ToInt(address: string): number {
  return address.split(".").reduce((acc, octet) => ((acc << 8) | Number(octet)) >>> 0, 0);
}

function intToIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 0xff).join(".");
}

/** Expects a valid IPv6 address (optionally with a zone index and/or a trailing dotted quad). */
function ipv6ToBigInt(address: string): bigint {
  let text = address.split("%")[0];
  const lastColon = text.lastIndexOf(":");
  const tail = text.slice(lastColon + 1);
  if (tail.includes(".")) {
    const v4 = ipv4ToInt(tail);
    text = `${text.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [head, rest] = text.split("::");
  const headGroups = head ? head.split(":") : [];
  let groups = headGroups;
  if (rest !== undefined) {
    const tailGroups = rest ? rest.split(":") : [];
    const zeros = new Array<string>(8 - headGroups.length - tailGroups.length).fill("0");
    groups = [...headGroups, ...zeros, ...tailGroups];
  }
  return groups.reduce((acc, group) => (acc << 16n) | BigInt(parseInt(group, 16)), 0n);
}

function bigIntToCanonicalIpv6(value: bigint): string {
  const groups: string[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) {
    groups.push(((value >> shift) & 0xffffn).toString(16));
  }
  return groups.join(":");
}

function canonicalIpv6(address: string): string {
  return bigIntToCanonicalIpv6(ipv6ToBigInt(address));
}
