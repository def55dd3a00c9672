import { describe, expect, it } from "vitest";
import { labelEvery, linearScale, niceTicks } from "./scale";

describe("chart scales", () => {
  it("rounds the top of an axis up to 1, 2 or 5 times a power of ten", () => {
    expect(niceTicks(7, { integers: true })).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(11, { integers: true })).toEqual([0, 5, 10, 15]);
    expect(niceTicks(4, { integers: true })).toEqual([0, 2, 4]);
    expect(niceTicks(3, { integers: true })).toEqual([0, 1, 2, 3]);
    expect(niceTicks(1, { integers: true })).toEqual([0, 1]);
    expect(niceTicks(3.2, { count: 1 })).toEqual([0, 2, 4]);
    expect(niceTicks(0.3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it("maps a domain onto a range, upside down for y", () => {
    const y = linearScale([0, 10], [160, 0]);
    expect(y(0)).toBe(160);
    expect(y(5)).toBe(80);
    expect(linearScale([3, 3], [10, 20])(3)).toBe(10);
  });

  it("labels every n-th category so the labels fit", () => {
    expect(labelEvery(7, 8)).toBe(1);
    expect(labelEvery(12, 8)).toBe(2);
  });
});
