#!/usr/bin/env node
// Read a GEXF file with graphology-gexf (an independent reader, not networkx) and print it
// as one JSON object: {"order", "size", "directed", "nodes": {id: attributes},
// "edges": [[source, target, attributes], ...]}. Exit code 1 if the file cannot be parsed.
// Usage: node read-gexf.js FILE
"use strict";
const fs = require("fs");
const Graph = require("graphology");
const { parse } = require("graphology-gexf");

function main(argv) {
  if (argv.length !== 1) {
    process.stderr.write("usage: node read-gexf.js FILE\n");
    return 2;
  }
  let graph;
  try {
    graph = parse(Graph, fs.readFileSync(argv[0], "utf8"), { allowUndeclaredAttributes: false });
  } catch (err) {
    process.stderr.write(`${argv[0]}: ${err.message}\n`);
    return 1;
  }
  const nodes = {};
  graph.forEachNode((id, attrs) => { nodes[id] = attrs; });
  const edges = [];
  graph.forEachEdge((_, attrs, source, target) => { edges.push([source, target, attrs]); });
  process.stdout.write(JSON.stringify({
    order: graph.order, size: graph.size, directed: graph.type === "directed", nodes, edges,
  }) + "\n");
  return 0;
}

process.exitCode = main(process.argv.slice(2));
