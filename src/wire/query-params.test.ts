import { describe, expect, it } from "vitest";
import { isFormContentType, queryParams } from "./query-params.js";

describe("Query parameters", () => {
  it("decode form encoding: %XX as UTF-8, + as space", () => {
    const p = queryParams("", "Action=CreateUser&Version=2010-05-08&UserName=Bob&Path=%2Fteam%2F&Description=a+b%2Bc%C3%A9");
    expect(Object.fromEntries(p)).toEqual({
      Action: "CreateUser",
      Version: "2010-05-08",
      UserName: "Bob",
      Path: "/team/",
      Description: "a b+cé",
    });
  });

  it("merge the query string and the body, the body winning (iam-sts.md §1.1)", () => {
    const p = queryParams("Action=GetCallerIdentity&Version=2011-06-15&Extra=q", "Version=2010-05-08&Action=ListUsers");
    expect(Object.fromEntries(p)).toEqual({ Action: "ListUsers", Version: "2010-05-08", Extra: "q" });
  });

  it("read a name without '=' as the empty value, and skip empty pairs", () => {
    expect(Object.fromEntries(queryParams("Tags&&Action=X", undefined))).toEqual({ Tags: "", Action: "X" });
  });

  it("keep a malformed escape as written and replace bytes that are not UTF-8, as URLSearchParams does", () => {
    expect(queryParams("", "A=%ZZ%41%E2%82&B=%4").get("A")).toBe("%ZZA\uFFFD");
    expect(queryParams("", "B=%4%41").get("B")).toBe("%4A");
  });

  it("recognise form bodies by content type", () => {
    expect(isFormContentType("application/x-www-form-urlencoded; charset=utf-8")).toBe(true);
    expect(isFormContentType("Application/X-WWW-Form-Urlencoded")).toBe(true);
    expect(isFormContentType(undefined)).toBe(true);
    expect(isFormContentType("application/x-amz-json-1.1")).toBe(false);
  });
});
