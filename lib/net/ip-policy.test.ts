import { describe, expect, it } from "vitest";
import {
  type AddressClass,
  classifyHostname,
  classifyIp,
  ipLiteralFromHostname,
  isAllowedAddress,
  isCloudMetadataAddress,
  policyForPort,
} from "@/lib/net/ip-policy";

const table: Array<[string, AddressClass]> = [
  // IPv4
  ["8.8.8.8", "public"],
  ["1.1.1.1", "public"],
  ["93.184.216.34", "public"],
  ["0.0.0.0", "reserved"],
  ["0.255.255.255", "reserved"],
  ["10.0.0.1", "private"],
  ["10.255.255.255", "private"],
  ["11.0.0.1", "public"],
  ["100.64.0.1", "private"],
  ["100.127.255.255", "private"],
  ["100.128.0.0", "public"],
  ["100.63.255.255", "public"],
  ["127.0.0.1", "loopback"],
  ["127.255.255.254", "loopback"],
  ["169.254.169.254", "link_local"],
  ["169.254.1.1", "link_local"],
  ["169.254.170.2", "link_local"],
  ["100.100.100.200", "link_local"],
  ["172.16.0.1", "private"],
  ["172.31.255.255", "private"],
  ["172.15.255.255", "public"],
  ["172.32.0.0", "public"],
  ["192.0.0.1", "reserved"],
  ["192.0.0.192", "link_local"],
  ["192.0.2.1", "reserved"],
  ["192.88.99.1", "reserved"],
  ["192.168.1.1", "private"],
  ["192.169.0.1", "public"],
  ["198.18.0.1", "reserved"],
  ["198.19.255.255", "reserved"],
  ["198.20.0.0", "public"],
  ["198.51.100.7", "reserved"],
  ["203.0.113.9", "reserved"],
  ["224.0.0.1", "reserved"],
  ["239.255.255.250", "reserved"],
  ["240.0.0.1", "reserved"],
  ["255.255.255.255", "reserved"],
  ["223.255.255.255", "public"],
  // IPv6
  ["::", "reserved"],
  ["::1", "loopback"],
  ["[::1]", "loopback"],
  ["0:0:0:0:0:0:0:1", "loopback"],
  ["::ffff:127.0.0.1", "loopback"],
  ["::ffff:7f00:1", "loopback"],
  ["::ffff:10.0.0.1", "private"],
  ["::ffff:a00:1", "private"],
  ["::ffff:169.254.169.254", "link_local"],
  ["::ffff:a9fe:a9fe", "link_local"],
  ["::ffff:8.8.8.8", "public"],
  ["::10.0.0.1", "reserved"],
  ["::8.8.8.8", "reserved"],
  ["64:ff9b::8.8.8.8", "public"],
  ["64:ff9b::10.0.0.1", "private"],
  ["64:ff9b::a9fe:a9fe", "link_local"],
  ["64:ff9b:1::1", "private"],
  ["2002:0a00:0001::1", "private"],
  ["2002:7f00:0001::", "loopback"],
  ["2002:0808:0808::1", "public"],
  ["100::1", "reserved"],
  ["2001::1", "reserved"],
  ["2001:db8::1", "reserved"],
  ["2001:4860:4860::8888", "public"],
  ["2606:4700:4700::1111", "public"],
  ["fc00::1", "private"],
  ["fd12:3456:789a::1", "private"],
  ["fd00:ec2::254", "link_local"],
  ["fd00:ec2:0:0:0:0:0:254", "link_local"],
  ["fd00:ec2::253", "private"],
  ["fec0::1", "private"],
  ["fe80::1", "link_local"],
  ["fe80::1%eth0", "link_local"],
  ["febf:ffff::1", "link_local"],
  ["ff02::1", "reserved"],
  ["4000::1", "reserved"],
  ["1000::1", "reserved"],
];

describe("classifyIp", () => {
  it.each(table)("%s is %s", (ip, expected) => {
    expect(classifyIp(ip)).toBe(expected);
  });

  it("rejects text that is not an IP address", () => {
    expect(() => classifyIp("example.com")).toThrow(TypeError);
    expect(() => classifyIp("10.0.0")).toThrow(TypeError);
    expect(() => classifyIp("")).toThrow(TypeError);
  });
});

describe("isAllowedAddress", () => {
  it("allows public addresses under every policy", () => {
    expect(isAllowedAddress("8.8.8.8")).toBe(true);
    expect(isAllowedAddress("2606:4700:4700::1111", { allowLoopback: false, allowPrivate: false })).toBe(true);
  });

  it("opens loopback only with allowLoopback", () => {
    for (const ip of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      expect(isAllowedAddress(ip)).toBe(false);
      expect(isAllowedAddress(ip, { allowPrivate: true })).toBe(false);
      expect(isAllowedAddress(ip, { allowLoopback: true })).toBe(true);
    }
  });

  it("opens private ranges only with allowPrivate", () => {
    for (const ip of ["10.0.0.1", "192.168.0.10", "172.20.1.1", "100.64.1.1", "fd12::1"]) {
      expect(isAllowedAddress(ip)).toBe(false);
      expect(isAllowedAddress(ip, { allowLoopback: true })).toBe(false);
      expect(isAllowedAddress(ip, { allowPrivate: true })).toBe(true);
    }
  });

  it("never allows link-local, metadata or reserved addresses", () => {
    const everything = { allowLoopback: true, allowPrivate: true };
    for (const ip of ["169.254.169.254", "fd00:ec2::254", "100.100.100.200", "fe80::1", "0.0.0.0", "::", "224.0.0.1", "255.255.255.255"]) {
      expect(isAllowedAddress(ip, everything)).toBe(false);
    }
  });

  it("never allows non-IP input", () => {
    expect(isAllowedAddress("localhost", { allowLoopback: true })).toBe(false);
  });
});

describe("classifyHostname", () => {
  it("classes names that can only be internal without resolving them", () => {
    expect(classifyHostname("localhost")).toBe("loopback");
    expect(classifyHostname("API.localhost.")).toBe("loopback");
    expect(classifyHostname("metadata.google.internal")).toBe("link_local");
    expect(classifyHostname("instance-data")).toBe("link_local");
    for (const name of ["redis", "simulator", "db.internal", "printer.local", "nas.home.arpa", "git.corp"]) {
      expect(classifyHostname(name), name).toBe("private");
    }
    expect(classifyHostname("hooks.example.com")).toBeNull();
    expect(classifyHostname("internal.example.com")).toBeNull();
  });
});

describe("policyForPort", () => {
  it("closes loopback on a protected port only", () => {
    const policy = { allowLoopback: true, allowPrivate: true, protectedLoopbackPorts: [3000, 4010] };
    expect(policyForPort(policy, 3000)).toEqual({ ...policy, allowLoopback: false });
    expect(policyForPort(policy, 8080)).toBe(policy);
    expect(policyForPort({ protectedLoopbackPorts: [3000] }, 3000).allowLoopback).toBeUndefined();
  });
});

describe("isCloudMetadataAddress", () => {
  it("recognises metadata endpoints in any spelling", () => {
    expect(isCloudMetadataAddress("169.254.169.254")).toBe(true);
    expect(isCloudMetadataAddress("::ffff:169.254.169.254")).toBe(true);
    expect(isCloudMetadataAddress("fd00:0ec2:0000::0254")).toBe(true);
    expect(isCloudMetadataAddress("169.254.169.253")).toBe(false);
    expect(isCloudMetadataAddress("8.8.8.8")).toBe(false);
  });
});

describe("ipLiteralFromHostname", () => {
  it("extracts IP literals from WHATWG-normalised hostnames", () => {
    expect(ipLiteralFromHostname(new URL("http://0x7f.1/").hostname)).toBe("127.0.0.1");
    expect(ipLiteralFromHostname(new URL("http://2130706433/").hostname)).toBe("127.0.0.1");
    expect(ipLiteralFromHostname(new URL("http://012.0.0.1/").hostname)).toBe("10.0.0.1");
    expect(ipLiteralFromHostname(new URL("http://[::ffff:10.0.0.1]/").hostname)).toBe("::ffff:a00:1");
    expect(ipLiteralFromHostname("hooks.example.com")).toBeNull();
  });
});
