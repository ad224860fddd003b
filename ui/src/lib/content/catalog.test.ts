import { describe, expect, it } from "vitest";
import type { Stream } from "../backend";
import { categoriesOf, grouped, matching } from "./catalog";

const stream = (id: string, name: string, category: string, url = `udp://239.0.0.1/${id}`): Stream =>
  ({ id, name, category, stream_url: url }) as Stream;
const self = (s: Stream) => s;

const streams = [
  stream("1", "Sport 2", "Sport"),
  stream("2", "Vesti", "Informativni"),
  stream("3", "Sport 10", "Sport"),
  stream("4", "Čačak TV", "Lokalni", "http://cacak.example/live"),
];

describe("catalog", () => {
  it("counts each category, in alphabetical order", () => {
    expect(categoriesOf(streams, self)).toEqual([
      { category: "Informativni", count: 1 },
      { category: "Lokalni", count: 1 },
      { category: "Sport", count: 2 },
    ]);
  });

  it("searches name, category and URL without minding case or accents", () => {
    expect(matching(streams, self, "cacak", null).map((s) => s.id)).toEqual(["4"]);
    expect(matching(streams, self, "SPORT", null).map((s) => s.id)).toEqual(["1", "3"]);
    expect(matching(streams, self, "", "Lokalni").map((s) => s.id)).toEqual(["4"]);
    expect(matching(streams, self, "sport", "Lokalni")).toEqual([]);
  });

  it("groups by category and sorts names as people count (2 before 10)", () => {
    const groups = grouped(streams, self);
    expect(groups.map((g) => g.category)).toEqual(["Informativni", "Lokalni", "Sport"]);
    expect(groups[2]?.rows.map((s) => s.name)).toEqual(["Sport 2", "Sport 10"]);
  });
});
