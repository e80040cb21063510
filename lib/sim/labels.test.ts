import { describe, expect, it } from "vitest";
import { matchesSelector, parseLabelQuery, parseLabelRequirements } from "./labels";

// The rules below are apimachinery's labels.Parse and Requirement.Matches
// (staging/src/k8s.io/apimachinery/pkg/labels/selector.go), read through the search tool.

const matches = (query: string, labels: Record<string, string>) => {
  const test = parseLabelQuery(query);
  if (typeof test === "string") throw new Error(test);
  return test(labels);
};

describe("label queries (labels.Parse)", () => {
  it("equality: = and == require the key with that value; != also holds when the key is missing", () => {
    expect(matches("app=web", { app: "web" })).toBe(true);
    expect(matches("app==web", { app: "web" })).toBe(true);
    expect(matches("app=web", {})).toBe(false);
    expect(matches("tier!=db", { tier: "db" })).toBe(false);
    expect(matches("tier!=db", {})).toBe(true);
    // "app=" selects the empty value (parseExactValue inserts "").
    expect(matches("app=", { app: "" })).toBe(true);
  });

  it("sets: in needs the key and one of the values; notin holds for other values and for a missing key", () => {
    expect(matches("env in (prod,staging)", { env: "staging" })).toBe(true);
    expect(matches("env in (prod, staging)", { env: "dev" })).toBe(false);
    expect(matches("env in (prod)", {})).toBe(false);
    expect(matches("tier notin (x)", { tier: "y" })).toBe(true);
    expect(matches("tier notin (x)", {})).toBe(true);
    expect(matches("tier notin (x)", { tier: "x" })).toBe(false);
  });

  it("existence: a bare key requires it, !key forbids it; commas AND the requirements", () => {
    expect(matches("app", { app: "anything" })).toBe(true);
    expect(matches("!app", { app: "web" })).toBe(false);
    expect(matches("app,!canary,env in (prod)", { app: "web", env: "prod" })).toBe(true);
    expect(matches("app,!canary,env in (prod)", { app: "web", env: "prod", canary: "true" })).toBe(false);
  });

  it("gt and lt compare integers; a value that is not an integer never matches", () => {
    expect(matches("replicas>2", { replicas: "3" })).toBe(true);
    expect(matches("replicas<2", { replicas: "3" })).toBe(false);
    expect(matches("replicas>2", { replicas: "many" })).toBe(false);
  });

  it("in and notin are values where a value is expected (x in (in))", () => {
    expect(matches("x in (in,notin)", { x: "notin" })).toBe(true);
  });

  it("reports the parser's errors with its wording", () => {
    expect(parseLabelRequirements("env in (prod")).toBe("unable to parse requirement: found '', expected: ',' or ')'");
    expect(parseLabelRequirements("env in prod")).toBe("unable to parse requirement: found 'prod' expected: '('");
    expect(parseLabelRequirements("app web")).toBe(
      "unable to parse requirement: found 'web', expected: in, notin, =, ==, !=, gt, lt",
    );
    expect(parseLabelRequirements("app=web,")).toBe("found '', expected: identifier after ','");
    expect(parseLabelRequirements("!app=web")).toBe("found '=', expected: ',' or 'end of string'");
    expect(parseLabelRequirements("=web")).toBe("found '=', expected: !, identifier, or 'end of string'");
    expect(parseLabelRequirements("replicas>two")).toBe(
      `unable to parse requirement: values[0]: Invalid value: "two": for 'Gt', 'Lt' operators, the value must be an integer`,
    );
  });

  it("validates keys as qualified names and values as label values (field.Invalid without a path prints <nil>)", () => {
    // The same text a real API server answers for `kubectl get pods -l app:monolith`.
    expect(parseLabelRequirements("app:monolith")).toBe(
      `unable to parse requirement: <nil>: Invalid value: "app:monolith": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    );
    expect(parseLabelRequirements("app.kubernetes.io/name=web")).toEqual([
      { key: "app.kubernetes.io/name", operator: "Equals", values: ["web"] },
    ]);
    expect(parseLabelRequirements("app=we:b")).toMatch(
      /^unable to parse requirement: values\[0\]\[app\]: Invalid value: "we:b": a valid label must be an empty string/,
    );
  });
});

describe("LabelSelector objects share the requirement matcher", () => {
  it("matchLabels and matchExpressions are all required", () => {
    const selector = {
      matchLabels: { app: "web" },
      matchExpressions: [{ key: "env", operator: "In" as const, values: ["prod"] }],
    };
    expect(matchesSelector({ app: "web", env: "prod" }, selector)).toBe(true);
    expect(matchesSelector({ app: "web", env: "dev" }, selector)).toBe(false);
    expect(matchesSelector({ app: "web" }, { app: "web" })).toBe(true);
    expect(matchesSelector({ app: "web" }, undefined)).toBe(false);
  });
});
