  // --- overview of a big graph: groups that expand in place, network and map layouts ----------
  // Inlined into the page's main function (it uses data, nodes, edges, nodeView, network, details,
  // el, hooks, focusNode, showNode) only when the page has an overview (govkg.export.overview).
  // An item is an entity (its index in data.nodes, >= 0) or a group k (-1 - k).
  var ov = data.overview;
  var groups = ov.groups;
  var GROUP = "group:";
  var KIND_ZH = {province: "省级地区", prefecture: "地级地区", county: "县级地区", type: "同类实体", part: "分组",
                 community: "关系社区（跨省或无地区的实体）", other: "其他实体", loose: "无关系实体"};
  var kids = groups.map(function () { return {groups: [], nodes: []}; });
  var topKids = {groups: [], nodes: []};
  groups.forEach(function (g, k) { (g.parent < 0 ? topKids : kids[g.parent]).groups.push(k); });
  ov.member.forEach(function (g, i) { (g < 0 ? topKids : kids[g]).nodes.push(i); });
  var indexOf = {};
  data.nodes.forEach(function (n, i) { indexOf[n.id] = i; });
  var ends = data.edges.map(function (e) { return [indexOf[e.from], indexOf[e.to]]; });
  var netAt = {}, geoAt = {};
  ov.net.forEach(function (r) { netAt[r[0]] = [r[1], r[2]]; });
  ov.geo.forEach(function (r) { geoAt[r[0]] = [r[1], r[2]]; });
  var typeZh = {};
  data.legend.forEach(function (item) { typeZh[item.type] = item.type_zh; });

  var stack = [];  // opened groups, in the order they were opened (an ancestor always before its descendants)
  var open = {};
  var showLoose = false;
  var mode = "network";
  var MAP_SIZE = 0.6;  // entities are smaller on the map, where places lie close
  var ranked = [];  // shown items, best-connected first (for the labels drawn at overview zoom)

  function groupId(k) { return GROUP + k; }
  function groupOf(id) {
    return typeof id === "string" && id.indexOf(GROUP) === 0 ? Number(id.slice(GROUP.length)) : -1;
  }
  function idOf(item) { return item < 0 ? groupId(-1 - item) : data.nodes[item].id; }
  function inLoose(k) {
    for (; k >= 0; k = groups[k].parent) { if (k === ov.loose) { return true; } }
    return false;
  }
  function sizeOf(item) {
    var size = item < 0 ? groups[-1 - item].size : data.nodes[item].size;
    return mode === "map" && item >= 0 ? size * MAP_SIZE : size;
  }
  function weightOf(item) { return item < 0 ? 1e6 + groups[-1 - item].count : data.nodes[item].degree; }

  // --- what is shown: the top level, and inside every opened group its children -------------------
  function shownItems() {
    var out = [];
    (function walk(ch) {
      ch.groups.forEach(function (k) {
        if (k === ov.loose && !showLoose) { return; }
        if (open[k]) { walk(kids[k]); } else { out.push(-1 - k); }
      });
      ch.nodes.forEach(function (i) { out.push(i); });
    }(topKids));
    return out;
  }
  // for each group: -1 hidden, null opened (and all above it), else the closed group that stands for it
  function standIns() {
    var rep = new Array(groups.length);
    for (var k = 0; k < groups.length; k++) {  // parents come before their children
      var p = groups[k].parent;
      var up = p < 0 ? null : rep[p];
      if (k === ov.loose && !showLoose) { up = -1; }
      rep[k] = up !== null ? up : (open[k] ? null : k);
    }
    return rep;
  }
  function itemFor(i, rep) {  // what stands for entity i on screen; null when hidden
    var g = ov.member[i];
    if (g < 0 || rep[g] === null) { return i; }
    return rep[g] === -1 ? null : -1 - rep[g];
  }

  // --- positions: the top level's, then each opening in turn around the group it replaces --------
  function home(item) {
    if (mode === "map") { return item < 0 ? groups[-1 - item].geo : geoAt[item]; }
    return item < 0 ? groups[-1 - item].net : netAt[item];
  }
  function children(k) {
    var out = [];
    kids[k].groups.forEach(function (g) { out.push(-1 - g); });
    kids[k].nodes.forEach(function (i) { out.push(i); });
    var rep = groups[k].rep;
    out.sort(function (a, b) {
      return (b === rep) - (a === rep) || weightOf(b) - weightOf(a) || a - b;
    });
    return out;
  }
  function footprint(item) {  // the radius an item needs: its disc, or half its label (CJK glyphs are about 1 em)
    var label = item < 0 ? groups[-1 - item].label : data.nodes[item].label;
    var em = item < 0 ? 16 : 14;
    return Math.max(sizeOf(item) + 4, 0.5 * Math.min(label.length, 12) * em) + (mode === "map" ? 2 : 8);
  }
  function pack(items, centre, hole) {
    // items on an Archimedean spiral around centre, biggest first, each at the first spot where it overlaps
    // nothing placed before (a grid of cells finds the neighbours); hole: a radius left free in the middle
    if (!items.length) { return null; }
    var radii = items.map(footprint);
    var most = Math.max.apply(null, radii), mean = radii.reduce(function (a, b) { return a + b; }, 0) / radii.length;
    var cell = 2 * most, grid = {}, at = {}, reach = 0;
    var gap = 2 * mean / (2 * Math.PI);  // the spiral's rings lie a mean diameter apart
    var turn = hole > 0 ? (hole + most) / gap : 0;
    items.forEach(function (it, j) {
      var r = radii[j];
      for (;;) {
        var rho = gap * turn;
        var x = centre[0] + rho * Math.cos(turn), y = centre[1] + rho * Math.sin(turn);
        var cx = Math.floor(x / cell), cy = Math.floor(y / cell), free = true;
        for (var i = cx - 1; i <= cx + 1 && free; i++) {
          for (var k = cy - 1; k <= cy + 1 && free; k++) {
            (grid[i + ":" + k] || []).forEach(function (d) {
              if ((d[0] - x) * (d[0] - x) + (d[1] - y) * (d[1] - y) < (d[2] + r) * (d[2] + r)) { free = false; }
            });
          }
        }
        if (free) {
          (grid[cx + ":" + cy] = grid[cx + ":" + cy] || []).push([x, y, r]);
          at[it] = [x, y];
          reach = Math.max(reach, rho + r);
          break;
        }
        turn += Math.min(0.5, 0.35 * r / Math.max(rho, 1));  // about a third of the item's radius along the arc
      }
    });
    return {at: at, radius: reach};
  }
  function positions() {
    var pos = {};
    topKids.groups.forEach(function (k) { pos[-1 - k] = home(-1 - k).slice(); });
    topKids.nodes.forEach(function (i) { pos[i] = home(i).slice(); });
    stack.forEach(function (k) {
      var centre = pos[-1 - k];
      if (!centre) { return; }  // inside the hidden group of loose entities
      delete pos[-1 - k];
      var items = children(k);
      var loose = [];
      items.forEach(function (it) {
        var at = mode === "map" ? home(it) : null;
        if (at) { pos[it] = at.slice(); } else { loose.push(it); }
      });
      var rep = groups[k].rep;  // on the map the group's own region sits at its place, amid the others
      var placed = pack(loose, centre, mode === "map" && rep >= 0 && geoAt[rep] ? footprint(rep) : 0);
      if (!placed) { return; }
      if (mode === "network") {  // make room: everything else moves away from the centre by the disc's radius
        var room = placed.radius + 20;
        Object.keys(pos).forEach(function (key) {
          var p = pos[key];
          var dx = p[0] - centre[0], dy = p[1] - centre[1], d = Math.sqrt(dx * dx + dy * dy);
          if (d > 0) { pos[key] = [p[0] + dx / d * room, p[1] + dy / d * room]; }
        });
      }
      loose.forEach(function (it) { pos[it] = placed.at[it]; });
    });
    return pos;
  }

  // --- vis items ----------------------------------------------------------------------------------
  function nodeItem(item, at) {
    if (item < 0) {
      var k = -1 - item, g = groups[k];
      return {id: groupId(k), isGroup: true, type: g.type, label: g.label + "\n" + g.count + " 个实体",
              shape: "dot", size: sizeOf(item), borderWidth: 3, x: at[0], y: at[1],
              color: {background: g.color.background, border: g.color.border,
                      highlight: {background: g.color.background, border: "#222222"},
                      hover: {background: g.color.background, border: "#222222"}},
              font: {size: 16, strokeWidth: 4, strokeColor: "#ffffff"}};
    }
    var n = data.nodes[item];
    return {id: n.id, label: n.label, color: n.color, size: sizeOf(item), type: n.type, docs: n.docs, confidence: n.confidence,
            x: at[0], y: at[1]};
  }
  function offMap(item) {  // a top-level group or entity that is no division: in a column beside the map
    return item < 0 ? !groups[-1 - item].code && groups[-1 - item].parent < 0 : ov.member[item] < 0 && !geoAt[item];
  }
  var LINKS = 6;  // a group's strongest links drawn (with those of the other end): a few lines say more than all
  function edgeItems(rep) {
    var out = [], pairs = {}, sums = [];
    data.edges.forEach(function (e, j) {
      var a = itemFor(ends[j][0], rep), b = itemFor(ends[j][1], rep);
      if (a === null || b === null || a === b) { return; }
      if (mode === "map" && (offMap(a) || offMap(b))) { return; }  // lines across the map to the column say little
      if (a >= 0 && b >= 0) { out.push({id: e.id, from: e.from, to: e.to, rel: e.label}); return; }
      var lo = Math.min(a, b), hi = Math.max(a, b), key = "sum:" + lo + ":" + hi;
      var sum = pairs[key];
      if (!sum) { sum = pairs[key] = {id: key, from: idOf(lo), to: idOf(hi), count: 0, lo: lo, hi: hi}; sums.push(sum); }
      sum.count += 1;
    });
    sums.sort(function (x, y) { return y.count - x.count || (x.id < y.id ? -1 : 1); });
    var used = {};
    sums.forEach(function (e) {
      var a = used[e.lo] || 0, b = used[e.hi] || 0;
      if (a >= LINKS && b >= LINKS) { return; }
      used[e.lo] = a + 1;
      used[e.hi] = b + 1;
      out.push({id: e.id, from: e.from, to: e.to, count: e.count, width: Math.min(6, 1 + 0.8 * Math.log(e.count) / Math.LN2),
                color: {color: "rgba(110,110,110,0.3)", highlight: "#333333", hover: "#555555"}});
    });
    return out;
  }
  var shownNodes = {}, shownEdges = {};  // id -> what the data set holds, to change only what changed
  function sync(set, shown, items, sign) {
    var want = {}, changed = [];
    items.forEach(function (item) {
      var s = sign(item);
      want[item.id] = s;
      if (shown[item.id] !== s) { changed.push(item); }
    });
    var gone = Object.keys(shown).filter(function (id) { return want[id] === undefined; });
    if (gone.length) { set.remove(gone); }
    if (changed.length) { set.update(changed); }
    return want;
  }
  function render(fit) {
    var rep = standIns();
    var items = shownItems();
    var pos = positions();
    shownNodes = sync(nodes, shownNodes, items.map(function (it) { return nodeItem(it, pos[it]); }), function (n) {
      return n.x + "," + n.y + "," + n.size;
    });
    shownEdges = sync(edges, shownEdges, edgeItems(rep), function (e) { return e.count || 0; });
    ranked = items.slice().sort(function (a, b) { return weightOf(b) - weightOf(a) || a - b; }).map(idOf);
    crumbs();
    if (fit) { network.fit({animation: false}); }
  }
  function zoomTo(k) {  // after opening group k: its children fill the view (zoomed in to 1.2 at most)
    var ids = children(k).map(idOf).filter(function (id) { return shownNodes[id] !== undefined; });
    if (ids.length) { network.fit({nodes: ids, maxZoomLevel: 1.2, animation: {duration: 300, easingFunction: "easeInOutQuad"}}); }
  }


  // --- opening and closing ----------------------------------------------------------------------
  function expand(k) {
    if (open[k]) { return; }
    var chain = [];
    for (var g = k; g >= 0; g = groups[g].parent) { chain.unshift(g); }
    chain.forEach(function (g) { if (!open[g]) { open[g] = true; stack.push(g); } });
    while (!kids[k].nodes.length && kids[k].groups.length === 1) {  // through a group that holds one group only
      k = kids[k].groups[0];
      open[k] = true;
      stack.push(k);
    }
    if (inLoose(k)) { setLoose(true, false); }
    render(false);
  }
  function collapseTo(depth) {
    while (stack.length > depth) { delete open[stack.pop()]; }
    render(false);
  }
  function reveal(id) {
    var i = indexOf[id];
    if (i === undefined) { return; }
    var g = ov.member[i];
    if (g >= 0 && standIns()[g] !== null) { expand(g); }
  }
  var crumbBar = document.getElementById("crumbs");
  function crumb(text, depth) {
    var b = el("button", null, text);
    b.type = "button";
    b.addEventListener("click", function () { collapseTo(depth); });
    return b;
  }
  function crumbs() {
    crumbBar.replaceChildren(crumb("全国", 0));
    stack.forEach(function (k, j) {
      crumbBar.appendChild(el("span", "sep", "›"));
      crumbBar.appendChild(crumb(groups[k].label, j + 1));
    });
    document.getElementById("back").disabled = !stack.length;
  }
  document.getElementById("back").addEventListener("click", function () { collapseTo(stack.length - 1); });

  var looseButton = document.getElementById("loose-toggle");
  function setLoose(on, draw) {
    showLoose = on;
    if (!on) {
      var cut = stack.findIndex(inLoose);
      if (cut >= 0) { while (stack.length > cut) { delete open[stack.pop()]; } }
    }
    looseButton.textContent = (on ? "隐藏" : "显示") + "无关系实体 (" + ov.loose_count + ")";
    looseButton.setAttribute("aria-pressed", on ? "true" : "false");
    if (draw) { render(false); }
  }
  looseButton.hidden = ov.loose < 0;
  looseButton.addEventListener("click", function () { setLoose(!showLoose, true); });
  document.querySelectorAll('#overview-bar input[name="layout"]').forEach(function (radio) {
    radio.addEventListener("change", function () { if (radio.checked) { setMode(radio.value); } });
  });
  function setMode(m) {
    mode = m;
    var radio = document.querySelector('#overview-bar input[value="' + m + '"]');
    if (radio) { radio.checked = true; }
    render(true);
  }

  // --- the details of a group ---------------------------------------------------------------------
  function showGroup(k) {
    var g = groups[k];
    details.replaceChildren();
    details.appendChild(el("div", "tip-type", KIND_ZH[g.kind] + (g.type ? " · " + typeZh[g.type] : "")));
    details.appendChild(el("h2", "tip-label", g.label));
    details.appendChild(el("div", "tip-count", g.count + " 个实体"));
    var counts = el("ul", "tip-types");
    data.legend.forEach(function (item, t) {
      if (g.types[t]) { counts.appendChild(el("li", null, item.type_zh + " " + item.type + "：" + g.types[t])); }
    });
    details.appendChild(counts);
    details.appendChild(el("h3", null, "关系最多的实体"));
    var top = el("ol", "tip-top");
    g.top.forEach(function (i) {
      var n = data.nodes[i];
      var item = el("li");
      var go = el("button", "link", n.label);
      go.type = "button";
      go.addEventListener("click", function () { focusNode(n.id); });
      item.appendChild(go);
      item.appendChild(el("span", "hit-type", n.type_zh + " · " + n.degree + " 条关系"));
      top.appendChild(item);
    });
    details.appendChild(top);
    details.appendChild(el("p", "hint", "点击分组在原处展开；用上方的路径或“返回”收起。"));
  }
  hooks.show = function (id) {
    var k = groupOf(id);
    if (k < 0) { return false; }
    showGroup(k);
    return true;
  };
  hooks.click = function (id) {
    var k = groupOf(id);
    if (k < 0) { return false; }
    expand(k);
    showGroup(k);
    zoomTo(stack[stack.length - 1]);
    return true;
  };
  hooks.reveal = reveal;
  hooks.label = function (id) {
    var k = groupOf(id);
    return k >= 0 ? groups[k].label : id;
  };

  // --- labels of the best-connected shown nodes, when the zoom makes vis-network's too small --------
  var labelled = [];
  network.on("afterDrawing", function (ctx) {
    labelled = [];
    var scale = network.getScale();
    var drawn = {};
    network.body.nodeIndices.forEach(function (id) { drawn[id] = true; });
    var canvas = ctx.canvas, ratio = canvas.width / (canvas.clientWidth || canvas.width);
    var w = canvas.clientWidth, h = canvas.clientHeight;
    var boxes = [];  // the shown nodes' discs, then each label drawn: a label covers neither
    ranked.forEach(function (id) {
      var node = network.body.nodes[id];
      if (!drawn[id] || !node) { return; }
      var at = network.canvasToDOM({x: node.x, y: node.y}), r = node.options.size * scale;
      if (at.x + r > 0 && at.x - r < w && at.y + r > 0 && at.y - r < h) { boxes.push([at.x - r, at.y - r, at.x + r, at.y + r]); }
    });
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.font = "13px " + data.font;
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    for (var j = 0; j < ranked.length && labelled.length < 40; j++) {
      var id = ranked[j];
      var node = network.body.nodes[id];
      if (!drawn[id] || !node) { continue; }
      var fontSize = groupOf(id) >= 0 ? 16 : 14;
      if (fontSize * scale >= data.label_threshold - 1) { continue; }  // vis-network draws this one
      var at = network.canvasToDOM({x: node.x, y: node.y});
      var k = groupOf(id);
      var text = k >= 0 ? groups[k].label + " " + groups[k].count : byId[id].label;
      var tw = ctx.measureText(text).width;
      var r = node.options.size * scale;
      var spot = null;
      [[0, r + 2], [0, -r - 17], [r + 4 + tw / 2, -7], [-r - 4 - tw / 2, -7]].some(function (d) {  // below, above, right, left
        var box = [at.x + d[0] - tw / 2 - 2, at.y + d[1] - 1, at.x + d[0] + tw / 2 + 2, at.y + d[1] + 16];
        var free = box[0] >= 0 && box[2] <= w && box[1] >= 0 && box[3] <= h && !boxes.some(function (b) {
          return b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3];
        });
        if (free) { spot = [at.x + d[0], at.y + d[1], box]; }
        return free;
      });
      if (!spot) { continue; }
      boxes.push(spot[2]);
      ctx.lineWidth = 4;
      ctx.strokeStyle = "rgba(255,255,255,0.9)";
      ctx.strokeText(text, spot[0], spot[1]);
      ctx.fillStyle = "#222222";
      ctx.fillText(text, spot[0], spot[1]);
      labelled.push(text);
    }
    ctx.restore();
  });

  setLoose(false, false);
  render(true);
  Object.assign(window.govkgExplorer, {
    groups: groups,
    expand: expand,
    open: hooks.click,
    collapseTo: collapseTo,
    setMode: setMode,
    setLoose: function (on) { setLoose(on, true); },
    opened: function () { return stack.slice(); },
    mode: function () { return mode; },
    labelled: function () { return labelled.slice(); },
    groupId: groupId
  });
