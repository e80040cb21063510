// What kubectl's YAML reader (go-yaml v2.4, behind sigs.k8s.io/yaml's ToJSON) says of a document in
// flow style ({...} or [...]), the form a patch typed on the command line takes. Only the syntax is
// checked here; a document it accepts is then read as usual. Read from go-yaml v2.4.0 scannerc.go
// (yaml_parser_scan_plain_scalar: in a flow collection a plain scalar runs on through a ':' that is
// not followed by a blank, and stops at , ? [ ] { }; the stream end is moved to the start of a new
// line), parserc.go (yaml_parser_parse_flow_mapping_key / _sequence_entry / _node and their messages)
// and decode.go (parser.fail: "line N: " from the problem's 0-based line, +1 for a scanner error, or
// the context's line; nothing when both are on the first line).
// So `{spec:{replicas:3}}` (what a shell leaves of {"spec":{"replicas":3}} typed without quotes) is a
// key "spec:" followed by a second mapping: "did not find expected ',' or '}'".

type TokenKind = "{" | "}" | "[" | "]" | "," | ":" | "scalar" | "end";
interface Token {
  kind: TokenKind;
  line: number;
}

class YamlSyntaxError extends Error {
  constructor(
    readonly problem: string,
    readonly problemLine: number,
    readonly contextLine: number,
    readonly scanner: boolean,
  ) {
    super(problem);
  }
}

const FLOW_INDICATORS = ",?[]{}";
const isBlank = (ch: string | undefined) => ch === undefined || ch === " " || ch === "\t" || ch === "\n" || ch === "\r";

function scan(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 0;
  let column = 0;
  let level = 0;
  const step = () => {
    if (text[i] === "\n") {
      line++;
      column = 0;
    } else column++;
    i++;
  };
  while (i < text.length) {
    const ch = text[i];
    if (isBlank(ch)) {
      step();
      continue;
    }
    if (ch === "#" && (i === 0 || isBlank(text[i - 1]))) {
      while (i < text.length && text[i] !== "\n") step();
      continue;
    }
    const at = line;
    if (ch === "{" || ch === "[") {
      level++;
      tokens.push({ kind: ch, line: at });
      step();
    } else if (ch === "}" || ch === "]") {
      level = Math.max(0, level - 1);
      tokens.push({ kind: ch, line: at });
      step();
    } else if (ch === "," && level > 0) {
      tokens.push({ kind: ",", line: at });
      step();
    } else if (ch === ":" && (level > 0 || isBlank(text[i + 1]))) {
      tokens.push({ kind: ":", line: at });
      step();
    } else if (ch === '"' || ch === "'") {
      step();
      for (;;) {
        if (i >= text.length) throw new YamlSyntaxError("found unexpected end of stream", line, at, true);
        if (ch === "'" && text[i] === "'" && text[i + 1] === "'") {
          step();
          step();
        } else if (text[i] === ch) {
          step();
          break;
        } else if (ch === '"' && text[i] === "\\") {
          step();
          step();
        } else step();
      }
      tokens.push({ kind: "scalar", line: at });
    } else {
      step(); // a plain scalar's first character (a '?' or '-' here starts one too)
      while (
        i < text.length &&
        !isBlank(text[i]) &&
        !(text[i] === ":" && isBlank(text[i + 1])) &&
        !(level > 0 && FLOW_INDICATORS.includes(text[i]))
      )
        step();
      tokens.push({ kind: "scalar", line: at });
    }
  }
  // yaml_parser_fetch_stream_end: "Force new line."
  tokens.push({ kind: "end", line: column !== 0 ? line + 1 : line });
  return tokens;
}

function parseFlow(tokens: Token[]): void {
  let pos = 0;
  const peek = () => tokens[pos];
  const fail = (problem: string, context: Token) => {
    throw new YamlSyntaxError(problem, peek().line, context.line, false);
  };
  const node = () => {
    const t = peek();
    if (t.kind === "scalar") pos++;
    else if (t.kind === "{") collection("}");
    else if (t.kind === "[") collection("]");
    else fail("did not find expected node content", t);
  };
  const value = () => {
    pos++; // the ':'
    const t = peek().kind;
    if (t !== "," && t !== "}" && t !== "]") node();
  };
  // "while parsing a flow mapping/sequence": the context mark is the collection's start.
  const collection = (close: "}" | "]") => {
    const start = tokens[pos++];
    for (let first = true; ; first = false) {
      if (peek().kind === close) {
        pos++;
        return;
      }
      if (!first) {
        if (peek().kind !== ",") fail(`did not find expected ',' or '${close}'`, start);
        pos++;
        if (peek().kind === close) {
          pos++;
          return;
        }
      }
      if (peek().kind === ":") value();
      else {
        node();
        if (peek().kind === ":") value();
      }
    }
  };
  node();
  if (peek().kind !== "end") fail("did not find expected <document start>", peek());
}

/**
 * go-yaml's complaint about a flow-style document, as kubectl prints it after "yaml: ", or null if it
 * reads. Documents not in flow style are left to the caller.
 */
export function goYamlFlowProblem(text: string): string | null {
  const first = text.trimStart()[0];
  if (first !== "{" && first !== "[") return null;
  try {
    parseFlow(scan(text));
    return null;
  } catch (err) {
    if (!(err instanceof YamlSyntaxError)) throw err;
    let line = 0;
    if (err.problemLine !== 0) line = err.problemLine + (err.scanner ? 1 : 0);
    else if (err.contextLine !== 0) line = err.contextLine;
    return `${line !== 0 ? `line ${line}: ` : ""}${err.problem}`;
  }
}
