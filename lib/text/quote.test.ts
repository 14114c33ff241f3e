import { expect, it } from "vitest";
import { quote } from "./quote";

it("puts a value in curly quotes", () => {
  expect(quote("homepage")).toBe("“homepage”");
  expect(quote("")).toBe("“”");
});

it("cuts a value longer than 40 characters to its first 40, and says so with an ellipsis", () => {
  expect(quote("x".repeat(40))).toBe(`“${"x".repeat(40)}”`);
  expect(quote(`${"x".repeat(40)}y`)).toBe(`“${"x".repeat(40)}…”`);
});
