#!/usr/bin/env node
// Lint Cypher files with Neo4j's own parser and semantic analysis (offline, no database).
// Usage: node lint.js [--tokens] FILE...   ("-" reads standard input)
// Prints one JSON object per file: {"file", "errors": [...], "warnings": [...]}, each
// diagnostic {"line", "column", "message"} (1-based). Exit code 1 if any file has an error.
// --tokens adds what the parser made of the text: "statements" (how many), "keywords"
// (the distinct keywords, upper case) and "strings" (every string literal, as written).
"use strict";
const fs = require("fs");
const {
  highlightSyntax, lintCypherQuery, parseStatementsStrs,
} = require("@neo4j-cypher/language-support");

const ERROR = 1; // LSP DiagnosticSeverity.Error
const WARNING = 2;

function lintText(text) {
  const { diagnostics } = lintCypherQuery(text, {});
  const pick = (severity) => diagnostics
    .filter((d) => d.severity === severity)
    .map((d) => ({ line: d.range.start.line + 1, column: d.range.start.character + 1, message: d.message }));
  return { errors: pick(ERROR), warnings: pick(WARNING) };
}

function tokensOf(text) {
  const tokens = highlightSyntax(text);
  const keywords = new Set(tokens.filter((t) => t.tokenType === "keyword").map((t) => t.token.toUpperCase()));
  return {
    statements: parseStatementsStrs(text).filter((s) => s.trim().replace(/;$/, "").trim() !== "").length,
    keywords: [...keywords].sort(),
    strings: tokens.filter((t) => t.tokenType === "stringLiteral").map((t) => t.token),
  };
}

function main(args) {
  const withTokens = args.includes("--tokens");
  const argv = args.filter((a) => a !== "--tokens");
  if (argv.length === 0) {
    process.stderr.write("usage: node lint.js [--tokens] FILE... (- for standard input)\n");
    return 2;
  }
  let failed = false;
  for (const file of argv) {
    const text = fs.readFileSync(file === "-" ? 0 : file, "utf8");
    const result = { file, ...lintText(text), ...(withTokens ? tokensOf(text) : {}) };
    if (result.errors.length > 0) failed = true;
    process.stdout.write(JSON.stringify(result) + "\n");
  }
  return failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
