import { describe, expect, it } from "vitest";
import { readReplicaUrl, readReplicaUrlProblem } from "./replica-url";

describe("DATABASE_READ_URL", () => {
  it("is optional: unset or blank, public reads use the primary", () => {
    expect(readReplicaUrl({})).toBeUndefined();
    expect(readReplicaUrl({ DATABASE_READ_URL: "  " })).toBeUndefined();
    expect(readReplicaUrlProblem({})).toBeNull();
    expect(readReplicaUrlProblem({ DATABASE_READ_URL: "" })).toBeNull();
  });

  it("accepts a postgresql:// or postgres:// address with a host and a database", () => {
    for (const good of [
      "postgresql://tracker:s3cret@replica.internal:5432/tracker",
      "postgres://10.0.0.7/tracker?sslmode=require",
      " postgresql://replica/tracker ",
    ]) {
      expect(readReplicaUrlProblem({ DATABASE_READ_URL: good }), good).toBeNull();
    }
    expect(readReplicaUrl({ DATABASE_READ_URL: " postgresql://replica/tracker " })).toBe(
      "postgresql://replica/tracker",
    );
  });

  it("stops start-up with one sentence that never repeats the value, which may hold a password", () => {
    for (const bad of [
      "replica.internal:5432",
      "mysql://tracker:s3cret@replica/tracker",
      "postgresql://tracker:s3cret@replica.internal:5432",
      "postgresql://tracker:s3cret@replica/a/b",
      "postgresql:///tracker",
      "not a url",
    ]) {
      const problem = readReplicaUrlProblem({ DATABASE_READ_URL: bad });
      expect(problem, bad).toMatch(
        /^DATABASE_READ_URL must be a postgresql:\/\/ address with a host and a database name, .*\.$/,
      );
      expect(problem).not.toContain("s3cret");
      expect(problem!.split(". ").length, "one sentence").toBe(1);
    }
  });
});
