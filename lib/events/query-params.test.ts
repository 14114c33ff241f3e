import { describe, expect, it } from "vitest";
import { MAX_PAGE_SIZE, PAGING_PARAMS, noticeMessages, parseEventQuery, serializeEventQuery } from "./query-params";

describe("parseEventQuery", () => {
  it("gives the default view for no parameters", () => {
    const { query, notices } = parseEventQuery({});
    expect(query).toMatchObject({ types: [], actors: [], claims: [], sort: "-date", page: 1, pageSize: 25 });
    expect(query.q).toBeUndefined();
    expect(notices).toEqual([]);
  });

  it("reads repeated and comma-separated lists and drops duplicates", () => {
    const { query } = parseEventQuery(
      new URLSearchParams("type=summit-meeting&type=arms-transfer,summit-meeting&claim=alleged"),
    );
    expect(query.types).toEqual(["summit-meeting", "arms-transfer"]);
    expect(query.claims).toEqual(["alleged"]);
  });

  it("ignores unknown types and says so", () => {
    const { query, notices } = parseEventQuery({ type: ["summit-meeting", "alien-invasion"] });
    expect(query.types).toEqual(["summit-meeting"]);
    expect(notices.map((n) => n.message).join(" ")).toMatch(/unknown event type “alien-invasion”/);
  });

  it("ignores a date that is not a date", () => {
    const { query, notices } = parseEventQuery({ from: "notadate", to: "2023-09" });
    expect(query.from).toBeUndefined();
    expect(query.toDay).toBe("2023-09-30");
    expect(notices.map((n) => n.message).join(" ")).toMatch(/“from” date “notadate”/);
  });

  it("swaps a reversed range", () => {
    const { query, notices } = parseEventQuery({ from: "2024", to: "2020-01" });
    expect([query.fromDay, query.toDay]).toEqual(["2020-01-01", "2024-12-31"]);
    expect(notices).toHaveLength(1);
  });

  it("clamps page and page size", () => {
    expect(parseEventQuery({ page: "-5" }).query.page).toBe(1);
    expect(parseEventQuery({ page: "abc" }).notices).toHaveLength(1);
    const big = parseEventQuery({ pageSize: "100000" });
    expect(big.query.pageSize).toBe(MAX_PAGE_SIZE);
    expect(big.notices.map((n) => n.message).join(" ")).toMatch(/100000/);
    expect(parseEventQuery({ pageSize: "0" }).query.pageSize).toBe(25);
    expect(parseEventQuery({ page: "99999999999999999999" }).query.page).toBe(1);
  });

  it("cuts a very long search and says so", () => {
    const { query, notices } = parseEventQuery({ q: "x".repeat(10_000) });
    expect(query.q).toHaveLength(200);
    expect(notices).toHaveLength(1);
  });

  it("names the parameter of each notice, so a view leaves out paging by parameter, never by wording", () => {
    const { notices } = parseEventQuery({ type: "homepage", page: "abc", pageSize: "0" });
    expect(notices.map((n) => n.param)).toEqual(["type", "page", "pageSize"]);
    // "homepage" contains "page": the timeline once dropped its notice along with the paging ones.
    expect(noticeMessages(notices, PAGING_PARAMS)).toEqual(["Ignored unknown event type “homepage”."]);
    expect(noticeMessages(notices)).toHaveLength(3);
  });

  it("accepts only known sorts", () => {
    expect(parseEventQuery({ sort: "title" }).query.sort).toBe("title");
    expect(parseEventQuery({ sort: "password" }).query.sort).toBe("-date");
  });

  it("round-trips through the URL it serializes to", () => {
    const raw =
      "q=Sullivan&type=statement-warning&actor=jake-sullivan&claim=confirmed&from=2023-09&to=2023&sort=title&page=2&pageSize=10";
    const { query } = parseEventQuery(new URLSearchParams(raw));
    const again = parseEventQuery(new URLSearchParams(serializeEventQuery(query).slice(1))).query;
    expect(again).toEqual(query);
  });

  it("leaves defaults out of links", () => {
    expect(serializeEventQuery({ sort: "-date", page: 1, pageSize: 25, types: [] })).toBe("");
  });
});
