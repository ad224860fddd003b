import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DealerPage, DealerQuery } from "../backend";
import { bus, FakeDocument, fakeEventModule, settle } from "../../test/doubles";

vi.mock("@tauri-apps/api/event", () => fakeEventModule());
const asked: DealerQuery[] = [];
let total = 0;
vi.mock("../backend", async (original) => ({
  ...(await original<typeof import("../backend")>()),
  backend: {
    listDealers: async (q: DealerQuery): Promise<DealerPage> => {
      asked.push(q);
      const from = q.page * q.page_size;
      const rows = Array.from({ length: Math.max(0, Math.min(q.page_size, total - from)) }, (_, i) => ({
        id: `d${from + i}`,
      }));
      return { rows, total } as unknown as DealerPage;
    },
  },
}));

const { DealerList, PAGE_SIZE } = await import("./dealer-list.svelte");

describe("DealerList", () => {
  beforeEach(() => {
    vi.stubGlobal("document", new FakeDocument());
    asked.length = 0;
  });
  afterEach(() => vi.unstubAllGlobals());

  it("asks for exactly what the user set, and starts at the first page on each change", async () => {
    total = 3 * PAGE_SIZE;
    const list = new DealerList();
    list.start();
    await settle();
    list.next();
    await settle();
    expect(list.pageIndex).toBe(1);
    list.setSearch("  ana ");
    await settle();
    list.setStatus("inactive");
    await settle();
    list.sortBy("name");
    await settle();
    expect(asked.at(-1)).toEqual({
      search: "ana",
      status: "inactive",
      sort: "name",
      descending: true,
      page: 0,
      page_size: PAGE_SIZE,
    });
    list.sortBy("subscribers");
    await settle();
    expect(asked.at(-1)).toMatchObject({ sort: "subscribers", descending: false });
  });

  it("goes to the last page there is when its page empties under it", async () => {
    total = 3 * PAGE_SIZE;
    const list = new DealerList();
    list.start();
    await settle();
    list.next();
    await settle();
    list.next();
    await settle();
    expect([list.pageIndex, list.hasNext]).toEqual([2, false]);
    total = PAGE_SIZE + 1; // dealers deleted on another computer
    bus.announce(["dealers"]);
    await settle();
    expect(list.pageIndex).toBe(1);
    expect(list.page?.rows).toHaveLength(1);
  });
});
