import { describe, expect, it } from "vitest";
import { addressBucket } from "./address-bucket";

describe("address buckets", () => {
  it("counts IPv4 by address", () => {
    expect(addressBucket("203.0.113.7")).toBe("203.0.113.7");
    expect(addressBucket(" 203.0.113.7 ")).toBe("203.0.113.7");
  });

  it("counts IPv6 by its /64, however the address is written", () => {
    const bucket = "2001:db8:1:2::/64";
    for (const address of ["2001:db8:1:2::1", "2001:DB8:1:2:ffff:ffff:ffff:ffff", "2001:0db8:0001:0002:0000:0000:0000:abcd"]) {
      expect(addressBucket(address)).toBe(bucket);
    }
    expect(addressBucket("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
  });

  it("counts an IPv4-mapped IPv6 address as its IPv4 address", () => {
    expect(addressBucket("::ffff:192.0.2.50")).toBe("192.0.2.50");
    expect(addressBucket("::ffff:c000:232")).toBe("192.0.2.50");
  });

  it("puts a missing or unreadable address in one shared bucket", () => {
    expect(addressBucket(null)).toBe("unknown");
    expect(addressBucket("")).toBe("unknown");
    expect(addressBucket("not an address")).toBe("unknown");
  });
});
