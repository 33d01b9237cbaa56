// The SPARQL workbench of `govkg serve` (/query): runs the editor's query on /sparql and shows the answer.
// Text from the graph and from the server is only ever set as textContent: nothing the data holds becomes markup.
"use strict";
(function () {
  const ENTITY_PREFIX = "https://w3id.org/govkg/id/";
  // the server's rule (govkg.query.parse_spec): "# param NAME (optional, decimal): description" among the leading comments
  const PARAM = /^#\s*param\s+([A-Za-z_]\w*)\s*(?:\(\s*(optional)\s*(?:,\s*(decimal)\s*)?\))?\s*:\s*(.*)$/;
  const POSITION = /at line (\d+), column (\d+)/;

  const ready = JSON.parse(document.getElementById("ready-queries").textContent);
  const form = document.getElementById("workbench");
  const select = document.getElementById("ready");
  const editor = document.getElementById("editor");
  const fields = document.getElementById("params");
  const description = document.getElementById("description");
  const status = document.getElementById("status");
  const errorBox = document.getElementById("error");
  const table = document.getElementById("results");
  const cursor = document.getElementById("cursor");
  const values = {};  // parameter values by name, kept while the query text changes
  let shown = null;  // {columns, rows} of the table

  function declared(text) {
    const params = [];
    for (const raw of text.split("\n")) {
      const line = raw.trim();
      if (!line) continue;
      if (!line.startsWith("#")) break;
      const m = PARAM.exec(line);
      if (m) params.push({name: m[1], required: !m[2], description: m[4].trim()});
    }
    return params;
  }

  function showFields() {
    const params = declared(editor.value);
    const names = params.map((p) => p.name).join(" ");
    if (fields.dataset.names === names) return;
    fields.dataset.names = names;
    fields.replaceChildren();
    for (const p of params) {
      const label = document.createElement("label");
      label.append(p.name + (p.required ? " " : "（可选） "));
      const input = document.createElement("input");
      input.name = "param." + p.name;
      input.required = p.required;
      input.placeholder = p.description;
      input.title = p.description;
      input.value = values[p.name] || "";
      input.addEventListener("input", () => { values[p.name] = input.value; });
      label.append(input);
      fields.append(label);
    }
  }

  function choose() {
    const spec = ready.find((r) => r.name === select.value);
    description.textContent = spec ? spec.description : "";
    if (spec && editor.value !== spec.text) editor.value = spec.text;
    showFields();
  }

  function request(format) {
    const body = new URLSearchParams({query: editor.value, format: format});
    for (const input of fields.querySelectorAll("input")) {
      if (input.value !== "" || input.required) body.append(input.name, input.value);
    }
    return fetch("/sparql", {method: "POST", body: body,
                             headers: {"Content-Type": "application/x-www-form-urlencoded"}});
  }

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = false;
    status.textContent = "查询没有完成";
    status.dataset.state = "error";
    const m = POSITION.exec(message);
    if (m) select_position(Number(m[1]), Number(m[2]));
  }

  function select_position(line, column) {  // put the caret where the parser stopped
    const lines = editor.value.split("\n");
    if (line < 1 || line > lines.length) return;
    let offset = column - 1;
    for (let i = 0; i < line - 1; i++) offset += lines[i].length + 1;
    editor.focus();
    editor.setSelectionRange(offset, Math.min(offset + 1, editor.value.length));
  }

  async function run(event) {
    if (event) event.preventDefault();
    if (!form.reportValidity()) return;
    errorBox.hidden = true;
    status.textContent = "运行中…";
    status.dataset.state = "running";
    const started = performance.now();
    let answer;
    try {
      answer = await request("json");
    } catch (e) {
      showError("服务器没有回答：" + e.message);
      return;
    }
    const text = await answer.text();
    if (!answer.ok) {
      showError(answer.status + " " + text.trim());
      table.replaceChildren();
      return;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const type = answer.headers.get("Content-Type") || "";
    if (!type.startsWith("application/sparql-results+json")) {  // CONSTRUCT / DESCRIBE: triples
      const rows = text.split("\n").filter((l) => l).map((l) => [{type: "literal", value: l}]);
      show({columns: ["triple"], rows: rows});
    } else {
      const data = JSON.parse(text);
      if (data.boolean !== undefined) {
        show({columns: ["ASK"], rows: [[{type: "literal", value: String(data.boolean)}]]});
      } else {
        const columns = data.head.vars;
        show({columns: columns, rows: data.results.bindings.map((b) => columns.map((c) => b[c] || null))});
      }
    }
    status.textContent = shown.rows.length + " 行 · " + seconds + " 秒";
    status.dataset.state = "done";
  }

  function cell(term) {
    const td = document.createElement("td");
    if (!term) return td;
    if (term.type === "uri" && term.value.startsWith(ENTITY_PREFIX)) {
      const a = document.createElement("a");
      a.href = "/entity?id=" + encodeURIComponent(term.value);
      a.textContent = term.value.slice(ENTITY_PREFIX.length);
      a.title = term.value;
      td.append(a);
    } else {
      td.textContent = term.value;
      if (term["xml:lang"]) td.lang = term["xml:lang"];
    }
    return td;
  }

  function show(result) {
    shown = result;
    const head = document.createElement("tr");
    result.columns.forEach((name, i) => {
      const th = document.createElement("th");
      th.textContent = name;
      th.scope = "col";
      th.addEventListener("click", () => sortBy(i, th));
      head.append(th);
    });
    const thead = document.createElement("thead");
    thead.append(head);
    const tbody = document.createElement("tbody");
    for (const row of result.rows) {
      const tr = document.createElement("tr");
      for (const term of row) tr.append(cell(term));
      tbody.append(tr);
    }
    table.replaceChildren(thead, tbody);
  }

  function sortBy(i, th) {
    const descending = th.getAttribute("aria-sort") === "ascending";
    const value = (row) => (row[i] ? row[i].value : "");
    const numeric = shown.rows.every((r) => value(r) === "" || !isNaN(Number(value(r))));
    const collator = new Intl.Collator("zh", {numeric: true});
    const order = (a, b) => numeric ? Number(value(a) || -Infinity) - Number(value(b) || -Infinity)
                                    : collator.compare(value(a), value(b));
    const rows = shown.rows.slice().sort((a, b) => (descending ? -order(a, b) : order(a, b)));
    show({columns: shown.columns, rows: rows});
    table.querySelectorAll("th")[i].setAttribute("aria-sort", descending ? "descending" : "ascending");
  }

  async function download(format) {
    if (!form.reportValidity()) return;
    errorBox.hidden = true;
    const answer = await request(format);
    if (!answer.ok) {
      showError(answer.status + " " + (await answer.text()).trim());
      return;
    }
    const type = answer.headers.get("Content-Type") || "";
    const extension = type.startsWith("application/n-triples") ? "nt" : format;
    const url = URL.createObjectURL(await answer.blob());
    const a = document.createElement("a");
    a.href = url;
    a.download = (select.value || "govkg-query") + "." + extension;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function showCursor() {
    const before = editor.value.slice(0, editor.selectionStart).split("\n");
    cursor.textContent = "行 " + before.length + "，列 " + (before[before.length - 1].length + 1);
  }

  select.addEventListener("change", choose);
  editor.addEventListener("input", showFields);
  for (const name of ["keyup", "click", "select"]) editor.addEventListener(name, showCursor);
  editor.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run(e);
  });
  form.addEventListener("submit", run);
  document.getElementById("download-csv").addEventListener("click", () => download("csv"));
  document.getElementById("download-json").addEventListener("click", () => download("json"));
  description.textContent = (ready.find((r) => r.name === select.value) || {description: ""}).description;
  showFields();
  form.dataset.ready = "true";
})();
