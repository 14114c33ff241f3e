// Plain-language messages for zod's generic checks, set once for every schema in the app.
// Schemas still give their own message where a field needs one ("Give the event a title");
// this covers the rest, so no form, import report or API answer ever shows zod's internal
// wording ("Invalid input: expected string, received undefined").
import { z } from "zod";

const THINGS: Record<string, string> = {
  string: "Enter text",
  number: "Enter a number",
  int: "Enter a whole number",
  boolean: "Choose yes or no",
  array: "Give a list",
  object: "Give the fields of this item",
  date: "Enter a date",
};

const plural = (n: number | bigint, one: string) => `${n} ${one}${Number(n) === 1 ? "" : "s"}`;

function sizeMessage(origin: string, bound: number | bigint, side: "least" | "most"): string {
  if (origin === "string") return `Use at ${side} ${plural(bound, "character")}`;
  if (origin === "array" || origin === "set") return `Give at ${side} ${plural(bound, "item")}`;
  return side === "least" ? `Use a number no smaller than ${bound}` : `Use a number no larger than ${bound}`;
}

export const friendlyError: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "Required";
      if (issue.expected === "number" && typeof issue.input === "number") return "Enter a finite number";
      return THINGS[issue.expected] ?? "This value is not valid";
    case "too_small":
      return sizeMessage(issue.origin, issue.minimum, "least");
    case "too_big":
      return sizeMessage(issue.origin, issue.maximum, "most");
    case "invalid_value": {
      const options = issue.values.map(String);
      return options.length <= 12 ? `Choose one of: ${options.join(", ")}` : "Choose one of the listed options";
    }
    case "invalid_format":
      return issue.format === "email" ? "Enter an email address" : "This is not in the expected format";
    default:
      return "This value is not valid";
  }
};

z.config({ customError: friendlyError });
