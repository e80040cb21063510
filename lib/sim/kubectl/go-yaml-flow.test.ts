import { describe, expect, it } from "vitest";
import { goYamlFlowProblem } from "./go-yaml-flow";

// go-yaml v2.4 (kubectl's YAML reader) on flow-style documents: scannerc.go lets a plain scalar in a
// flow collection run through a ':' that a non-blank follows, so `{a:1}` is the key "a:1"; parserc.go
// names what it expected; decode.go's fail() prefixes "line N: " only off the first line (the stream end
// counts as the next line).
describe("goYamlFlowProblem", () => {
  it("accepts JSON and flow YAML with blanks after the colons", () => {
    for (const text of [
      '{"spec":{"replicas":3}}',
      "{spec: {replicas: 3}}",
      "{a:1}",
      '[{"op": "add"}]',
      "{a: }",
      "[a, b,]",
    ])
      expect(goYamlFlowProblem(text), text).toBeNull();
  });

  it("a key glued to a nested mapping (quotes stripped by the shell) is a missing ',' or '}'", () => {
    expect(goYamlFlowProblem("{spec:{replicas:3}}")).toBe("did not find expected ',' or '}'");
    expect(goYamlFlowProblem("[{'op': 'replace', 'value': true]")).toBe("did not find expected ',' or '}'");
  });

  it("an unclosed collection or a missing value is reported at the stream end, on line 1", () => {
    expect(goYamlFlowProblem('{"spec":{"replicas":3}')).toBe("line 1: did not find expected ',' or '}'");
    // What a shell left of `-p=[{op: replace, ...}]` typed without quotes (a Concourse report, 2018).
    expect(goYamlFlowProblem("[{op:")).toBe("line 1: did not find expected node content");
    expect(goYamlFlowProblem("[{op: ")).toBe("line 1: did not find expected node content");
    expect(goYamlFlowProblem('"unterminated')).toBeNull(); // not flow style: left to the caller
    expect(goYamlFlowProblem('{"a": "b}')).toBe("found unexpected end of stream");
  });

  it("leaves block-style documents alone", () => {
    expect(goYamlFlowProblem("spec:\n  replicas: 2")).toBeNull();
  });
});
