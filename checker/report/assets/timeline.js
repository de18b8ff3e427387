// ballot timeline: draws the history embedded in #timeline-data.
//
// The data is a few flat lists (see timeline_*.go for each tuple's fields).
// Role bars, messages and ticks go on one canvas, clipped to the visible
// range and thinned to one mark per pixel, lane and kind, so that 100k
// events stay smooth; faults and findings are DOM elements (there are few
// of them in view) so that tests and people can point at them.
'use strict';

(function () {
  const started = performance.now();
  const $ = (sel) => document.querySelector(sel);
  const timeline = $('#timeline');

  function fail(err) {
    document.body.dataset.jsError = String((err && err.stack) || err);
    const p = document.createElement('p');
    p.className = 'js-error';
    p.textContent = 'The timeline could not be drawn: ' + String((err && err.message) || err);
    timeline.prepend(p);
  }
  window.addEventListener('error', (e) => fail(e.error || e.message));

  // ---- data ----------------------------------------------------------

  const ROLES = ['follower', 'precandidate', 'candidate', 'leader', 'down'];
  const KINDS = ['other', 'vote-request', 'vote-reply', 'heartbeat', 'heartbeat-reply', 'prevote-request', 'prevote-reply'];
  const FAULT_KINDS = ['net', 'down', 'cut', 'lossy', 'skew'];
  const MARK_TYPES = ['log', 'note', 'leak', 'stuck'];
  const GRANTED = 1, DROPPED = 2, IN_FLIGHT = 4, NO_SEND = 8;

  function load() {
    const raw = JSON.parse($('#timeline-data').textContent);
    const lanes = raw.lanes;
    const d = {
      lanes,
      start: raw.start,
      end: raw.end > raw.start ? raw.end : raw.start + 1e9,
      segs: Array.from({ length: lanes }, () => []),
      marks: Array.from({ length: lanes + 1 }, () => []), // index 0 is the harness lane
      harness: [], // notes of no node and topology flags, labelled on the harness lane
      faults: [],
      msgs: { votes: [], heartbeats: [], other: [] },
      maxDur: { votes: 0, heartbeats: 0, other: 0 },
      reasons: raw.reasons || [],
      findings: raw.findings || [],
    };
    for (const [node, start, end, role, term, leader, voted] of raw.segs || []) {
      d.segs[node].push({ start, end, role, term, leader, voted });
    }
    for (const [at, node, type, text] of raw.marks || []) {
      const m = { at, node, type, text };
      d.marks[node + 1].push(m);
      if (node < 0) d.harness.push({ at, topo: false, text, mark: m });
    }
    for (const [at, node, detail, summary] of raw.topo || []) {
      d.harness.push({ at, topo: true, node, text: detail || 'topology change', summary });
    }
    for (const [start, end, node, kind, desc, cause] of raw.faults || []) {
      d.faults.push({ start, end, node, kind, desc, cause });
    }
    // A topology change that starts a fault band is named by the band's own
    // label; its flag needs no second one.
    const bandStarts = new Set(d.faults.filter((f) => f.kind === 0).map((f) => f.start + '|' + f.desc));
    for (const h of d.harness) h.quiet = h.topo && bandStarts.has(h.at + '|' + h.text);
    d.harness.sort((a, b) => a.at - b.at);
    for (const list of d.marks) list.sort((a, b) => a.at - b.at);
    loadMessages(d, raw.msgs);
    return d;
  }

  const CATEGORIES = ['votes', 'heartbeats', 'other'];

  function category(kind) {
    if (kind === 1 || kind === 2 || kind === 5 || kind === 6) return 0;
    if (kind === 3 || kind === 4) return 1;
    return 2;
  }

  // Messages arrive as columns and stay columns, split by category into
  // typed arrays: 50k objects would cost more to build than to draw.
  function loadMessages(d, cols) {
    const n = cols && cols.s ? cols.s.length : 0;
    const cat = new Uint8Array(n), count = [0, 0, 0];
    for (let i = 0; i < n; i++) count[cat[i] = category(cols.kind[i])]++;
    const lists = count.map((k) => ({
      n: 0, s: new Float64Array(k), e: new Float64Array(k), from: new Int32Array(k), to: new Int32Array(k),
      kind: new Uint8Array(k), term: new Float64Array(k), flags: new Uint8Array(k), reason: new Int32Array(k),
    }));
    for (let i = 0; i < n; i++) {
      const c = cat[i], l = lists[c], j = l.n++;
      l.s[j] = cols.s[i]; l.e[j] = cols.e[i]; l.from[j] = cols.from[i]; l.to[j] = cols.to[i];
      l.kind[j] = cols.kind[i]; l.term[j] = cols.term[i]; l.flags[j] = cols.flags[i]; l.reason[j] = cols.reason[i];
      d.maxDur[CATEGORIES[c]] = Math.max(d.maxDur[CATEGORIES[c]], cols.e[i] - cols.s[i]);
    }
    CATEGORIES.forEach((name, c) => { d.msgs[name] = lists[c]; });
  }

  // ---- formatting ------------------------------------------------------

  function trim(x, decimals) {
    return x.toFixed(decimals).replace(/\.?0+$/, '');
  }

  // fmtDur formats nanoseconds for a person: 1.6102 s, 310 ms, 100 µs.
  function fmtDur(ns) {
    const a = Math.abs(ns);
    if (a >= 1e9) return trim(ns / 1e9, 6) + ' s';
    if (a >= 1e6) return trim(ns / 1e6, 3) + ' ms';
    if (a >= 1e3) return trim(ns / 1e3, 3) + ' µs';
    return ns + ' ns';
  }

  // fmtTick formats an axis label with just the precision the step needs.
  function fmtTick(t, step) {
    const dec = (unit) => Math.max(0, Math.ceil(-Math.log10(step / unit) - 1e-9));
    if (dec(1e9) <= 3) return (t / 1e9).toFixed(dec(1e9)) + ' s';
    if (dec(1e6) <= 3) return (t / 1e6).toFixed(dec(1e6)) + ' ms';
    return (t / 1e3).toFixed(dec(1e3)) + ' µs';
  }

  function niceStep(span, px) {
    const target = span / Math.max(2, px / 110);
    const p = Math.pow(10, Math.floor(Math.log10(target)));
    for (const m of [1, 2, 5, 10]) if (m * p >= target) return m * p;
    return 10 * p;
  }

  // lowerBound returns the first index i of list with key(list[i]) >= x.
  function lowerBound(list, x, key) {
    let lo = 0, hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (key(list[mid]) < x) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  // lowerBoundOf is lowerBound for the first n numbers of a sorted array.
  function lowerBoundOf(arr, n, x) {
    let lo = 0, hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (arr[mid] < x) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  // ---- layout ----------------------------------------------------------

  const AXIS_H = 24, HARNESS_H = 26, LANE_H = 40;
  const BAR_TOP = 6, BAR_H = 20, TICK_TOP = 28;
  const laneTop = (node) => (node < 0 ? AXIS_H : AXIS_H + HARNESS_H + node * LANE_H); // node -1: the harness lane
  const laneMid = (node) => laneTop(node) + BAR_TOP + BAR_H / 2;
  const MIN_SPAN = 1000; // 1 µs
  const MAX_DRAWN = 40000; // message lines per frame

  const css = getComputedStyle(document.documentElement);
  const cssVar = (name) => css.getPropertyValue(name).trim();
  const ROLE_COLORS = ROLES.map((r) => cssVar('--' + r));
  const FAULT_COLOR = cssVar('--fault'), FINDING_COLOR = cssVar('--finding');
  const ROLE_INK = ['#1f2937', '#1f2937', '#1f2937', '#fff', '#fff'];
  const FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

  // ---- state -----------------------------------------------------------

  let D;
  const view = { start: 0, end: 1 };
  const show = { votes: true, heartbeats: false, other: false, marks: true };
  let selected = -1;
  let W = 0, H = 0, gutter = 76;
  let drawn = null; // the message lines of the last frame, for hover
  let pending = 0;
  let readout = '';

  const plot = $('#plot');
  const canvas = $('#canvas');
  const ctx = canvas.getContext('2d');
  const overview = $('#overview');
  const octx = overview.getContext('2d');
  const faultLayer = $('#faults');
  const tooltip = $('#tooltip');
  const markerEls = Array.from(document.querySelectorAll('.finding-marker'));
  const findingEls = Array.from(document.querySelectorAll('#findings li'));
  const laneEls = Array.from(document.querySelectorAll('#lanes .lane'));
  let overviewCache = null;

  const X = (t) => ((t - view.start) / (view.end - view.start)) * W;
  const T = (x) => view.start + (x / W) * (view.end - view.start);

  function layout() {
    gutter = parseFloat(cssVar('--gutter')) || 76;
    const w = Math.max(200, plot.clientWidth - gutter);
    const h = laneTop(D.lanes) + 2;
    if (w === W && h === H) return;
    W = w;
    H = h;
    plot.style.height = H + 'px';
    $('#lanes').style.height = H + 'px';
    for (const el of laneEls) {
      const node = Number(el.dataset.node);
      el.style.top = laneTop(node) + 'px';
      el.style.height = (node < 0 ? HARNESS_H : LANE_H) + 'px';
    }
    const dpr = window.devicePixelRatio || 1;
    for (const [c, cw, ch] of [[canvas, W, H], [overview, W, 44]]) {
      c.width = Math.round(cw * dpr);
      c.height = Math.round(ch * dpr);
      c.style.width = cw + 'px';
      c.style.height = ch + 'px';
      c.getContext('2d').setTransform(dpr, 0, 0, dpr, 0, 0);
    }
    overviewCache = null;
  }

  // ---- view ------------------------------------------------------------

  function setView(start, end, later) {
    // The view may reach half its width past either end of the run, so
    // that a finding at the very end can still sit mid-view.
    const span = Math.min(Math.max(end - start, MIN_SPAN), (D.end - D.start) * 1.2);
    const lo = D.start - span / 2, hi = D.end + span / 2;
    const s = Math.min(Math.max((start + end) / 2 - span / 2, lo), hi - span);
    view.start = s;
    view.end = s + span;
    timeline.dataset.viewStart = String(Math.floor(view.start));
    timeline.dataset.viewEnd = String(Math.ceil(view.end));
    readout = fmtDur(view.start) + ' – ' + fmtDur(view.end) + '  (' + fmtDur(span) + ' shown)';
    if (later) schedule(); else render();
  }

  const fit = () => setView(D.start - (D.end - D.start) * 0.02, D.end + (D.end - D.start) * 0.02);
  const zoom = (factor, at) => {
    const t = at === undefined ? (view.start + view.end) / 2 : at;
    setView(t - (t - view.start) * factor, t + (view.end - t) * factor);
  };
  const pan = (fraction) => {
    const d = (view.end - view.start) * fraction;
    setView(view.start + d, view.end + d);
  };

  function schedule() {
    if (!pending) pending = requestAnimationFrame(() => { pending = 0; render(); });
  }

  function render() {
    const t0 = performance.now();
    layout();
    draw();
    renderFaults();
    renderMarkers();
    drawOverview();
    timeline.dataset.lastDrawMs = (performance.now() - t0).toFixed(1);
  }

  // ---- canvas ----------------------------------------------------------

  function draw() {
    ctx.clearRect(0, 0, W, H);
    ctx.font = FONT;
    ctx.textBaseline = 'middle';
    drawAxis();
    drawHarness();
    for (let n = 0; n < D.lanes; n++) drawRoles(n);
    if (show.marks) for (let n = 0; n < D.lanes; n++) drawMarks(n);
    drawn = { x1: [], y1: [], x2: [], y2: [], list: [], idx: [] };
    let capped = false;
    for (const cat of ['heartbeats', 'other', 'votes']) { // votes last: on top
      if (show[cat]) capped = drawMessages(D.msgs[cat], D.maxDur[cat]) || capped;
    }
    timeline.dataset.drawnMessages = String(drawn.idx.length);
    $('#readout').textContent = readout + (capped ? '  · too many messages to draw them all: zoom in' : '');
  }

  function drawAxis() {
    ctx.fillStyle = '#f9fafb';
    ctx.fillRect(0, 0, W, AXIS_H);
    const step = niceStep(view.end - view.start, W);
    ctx.strokeStyle = '#eef0f3';
    ctx.fillStyle = '#4b5563';
    ctx.lineWidth = 1;
    ctx.textAlign = 'left';
    for (let t = Math.ceil(view.start / step) * step; t <= view.end; t += step) {
      const x = Math.round(X(t)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(x, AXIS_H - 6);
      ctx.lineTo(x, H);
      ctx.stroke();
      ctx.fillText(fmtTick(t, step), x + 3, AXIS_H / 2 - 2);
    }
    ctx.strokeStyle = '#d1d5db';
    ctx.beginPath();
    ctx.moveTo(0, AXIS_H + 0.5);
    ctx.lineTo(W, AXIS_H + 0.5);
    ctx.stroke();
  }

  // The harness lane carries the notes of no node and a flag per topology
  // change, labelled while there is room before the next one.
  function drawHarness() {
    const items = D.harness;
    const top = laneTop(-1);
    let i = lowerBound(items, view.start - (view.end - view.start) * 0.2, (h) => h.at);
    const vis = [];
    for (; i < items.length && items[i].at <= view.end; i++) {
      if (items[i].topo || show.marks) vis.push(items[i]);
    }
    const label = vis.length <= 300;
    let lastPx = -1;
    for (let k = 0; k < vis.length; k++) {
      const it = vis[k], x = X(it.at);
      const px = Math.round(x);
      if (px === lastPx && !label) continue;
      lastPx = px;
      ctx.fillStyle = it.topo ? FAULT_COLOR : '#0284c7';
      if (it.topo) {
        ctx.beginPath();
        ctx.moveTo(x, top + 4);
        ctx.lineTo(x + 7, top + 8);
        ctx.lineTo(x, top + 12);
        ctx.fill();
        ctx.fillRect(x, top + 3, 1.2, HARNESS_H - 6);
      } else {
        ctx.fillRect(x - 1, top + 4, 2, HARNESS_H - 8);
      }
      if (!label || it.quiet) continue;
      const next = k + 1 < vis.length ? X(vis[k + 1].at) : W + 1000;
      const room = Math.min(next, W) - Math.max(x, 0) - 12;
      if (room > 24) fitText(it.text, Math.max(x, 0) + 9, top + HARNESS_H / 2, room);
    }
  }

  // fitText draws text cut to fit width px.
  function fitText(text, x, y, width) {
    let s = text.replace(/\s+/g, ' ');
    if (ctx.measureText(s).width > width) {
      let lo = 0, hi = s.length;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (ctx.measureText(s.slice(0, mid) + '…').width <= width) lo = mid; else hi = mid - 1;
      }
      if (lo === 0) return;
      s = s.slice(0, lo) + '…';
    }
    ctx.textAlign = 'left';
    ctx.fillText(s, x, y);
  }

  function roleLabels(s) {
    const base = ROLES[s.role] + ' t' + s.term;
    let full = base;
    if (s.role !== 3 && s.role !== 4 && s.leader >= 0) full += ' · leader n' + s.leader;
    if (s.role !== 3 && s.role !== 4 && s.voted >= 0) full += ' · voted n' + s.voted;
    return [full, base, 't' + s.term];
  }

  function drawRoles(n) {
    const segs = D.segs[n];
    const y = laneTop(n) + BAR_TOP, mid = laneMid(n);
    // Before a node's first observation its role is unknown: a dashed line.
    const known = segs.length ? X(segs[0].start) : W;
    if (known > 0) {
      ctx.strokeStyle = '#cbd5e1';
      ctx.setLineDash([3, 4]);
      ctx.beginPath();
      ctx.moveTo(0, mid);
      ctx.lineTo(Math.min(known, W), mid);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    let i = lowerBound(segs, view.start, (s) => s.end);
    let lastPx = -Infinity;
    for (; i < segs.length; i++) {
      const s = segs[i];
      if (s.start > view.end) break;
      const x1 = Math.max(X(s.start), 0), x2 = Math.min(X(s.end), W);
      const w = x2 - x1;
      if (w < 1 && Math.floor(x1) === lastPx) continue; // thinned: one per pixel
      lastPx = Math.floor(x1);
      ctx.fillStyle = ROLE_COLORS[s.role] || '#e5e7eb';
      ctx.fillRect(x1, y, Math.max(w, 1), BAR_H);
      if (w > 22) {
        ctx.fillStyle = ROLE_INK[s.role] || '#1f2937';
        const text = roleLabels(s).find((t) => t.length * 6 + 8 < w);
        if (text) {
          ctx.textAlign = 'left';
          ctx.fillText(text, x1 + 4, mid);
        }
      }
      if (w >= 3) { // a thin divider where the status changes
        ctx.fillStyle = 'rgba(255,255,255,.9)';
        ctx.fillRect(x1, y, 1, BAR_H);
      }
    }
  }

  function drawMarks(n) {
    const marks = D.marks[n + 1];
    const y = laneTop(n) + TICK_TOP;
    let i = lowerBound(marks, view.start - 1, (m) => m.at);
    const last = [-1, -1, -1, -1];
    for (; i < marks.length && marks[i].at <= view.end; i++) {
      const m = marks[i], x = X(m.at), px = Math.round(x);
      if (last[m.type] === px) continue;
      last[m.type] = px;
      if (m.type === 0) {
        ctx.fillStyle = '#64748b';
        ctx.fillRect(x - 0.5, y + 2, 1, 8);
      } else if (m.type === 1) {
        ctx.fillStyle = '#0284c7';
        ctx.fillRect(x - 1, y, 2, 11);
      } else {
        ctx.fillStyle = '#ea580c';
        ctx.beginPath();
        ctx.moveTo(x, y);
        ctx.lineTo(x + 5, y + 10);
        ctx.lineTo(x - 5, y + 10);
        ctx.fill();
      }
    }
  }

  // Message styles: [colour, width, dash]; replies that deny a vote are
  // grey and dashed, so that the granted ones stand out.
  function msgStyle(kind, flags) {
    const granted = (flags & GRANTED) !== 0;
    switch (kind) {
      case 1: return ['#2563eb', 1.5, null];
      case 5: return ['#2563eb', 1.2, [5, 3]];
      case 2: return granted ? ['#111827', 1.6, null] : ['#9ca3af', 1.2, [4, 3]];
      case 6: return granted ? ['#111827', 1.3, [5, 3]] : ['#9ca3af', 1.1, [2, 3]];
      case 3: return ['#94a3b8', 1, null];
      case 4: return ['#cbd5e1', 1, null];
      default: return ['#0891b2', 1, null];
    }
  }

  // drawMessages draws the messages of list in view, one per pixel and
  // link, batched per style: one stroke per style is what keeps 10k lines
  // cheap (Path2D objects measured much slower to fill than the context's
  // own path). It reports whether it stopped at MAX_DRAWN.
  function drawMessages(list, maxDur) {
    if (!list.n) return false;
    const batches = new Map(); // style key -> {style, dup, lines: [x1, y1, x2, y2, …], crosses: […], heads: […]}
    // Messages come in send order, so repeats of a link, kind and flags in
    // the same pixels follow each other: remembering the last drawn per
    // such slot thins them without hashing.
    const L = D.lanes;
    const slots = L * L * 64;
    const last1 = new Int32Array(slots).fill(-9), last2 = new Int32Array(slots).fill(-9);
    let capped = false;
    for (let i = lowerBoundOf(list.s, list.n, view.start - maxDur); i < list.n; i++) {
      if (list.s[i] > view.end) break;
      if (list.e[i] < view.start) continue;
      const from = list.from[i], to = list.to[i], kind = list.kind[i], flags = list.flags[i];
      const x1 = X(list.s[i]), y1 = laneMid(from), yTo = laneMid(to);
      let x2 = X(list.e[i]), y2 = yTo;
      const dropped = (flags & DROPPED) !== 0, inFlight = (flags & IN_FLIGHT) !== 0;
      if (dropped) y2 = y1 + (yTo - y1) * 0.55;
      if (inFlight) { x2 = x1 + 8; y2 = y1 + (yTo - y1) * 0.3; }
      const c1 = Math.min(Math.max(Math.round(x1), -1), W + 1), c2 = Math.min(Math.max(Math.round(x2), -1), W + 1);
      const slot = ((from * L + to) * 8 + (kind & 7)) * 8 + (flags & 7);
      if (last1[slot] === c1 && last2[slot] === c2) continue;
      last1[slot] = c1;
      last2[slot] = c2;
      if (drawn.idx.length >= MAX_DRAWN) { capped = true; break; }
      const sk = kind * 32 + (flags & (GRANTED | NO_SEND));
      let b = batches.get(sk);
      if (!b) {
        b = { style: msgStyle(kind, flags), dup: (flags & NO_SEND) !== 0, lines: [], crosses: [], heads: [] };
        batches.set(sk, b);
      }
      b.lines.push(x1, y1, x2, y2);
      const dx = x2 - x1, dy = y2 - y1;
      if (dropped) b.crosses.push(x2, y2); // a cross where the network lost it
      else if (!inFlight && dx * dx + dy * dy > 81) b.heads.push(x1, y1, x2, y2);
      drawn.x1.push(x1); drawn.y1.push(y1); drawn.x2.push(x2); drawn.y2.push(y2);
      drawn.list.push(list); drawn.idx.push(i);
    }
    for (const { style: [color, width, dash], dup, lines, crosses, heads } of batches.values()) {
      ctx.strokeStyle = color;
      ctx.fillStyle = color;
      ctx.lineWidth = width;
      ctx.setLineDash(dup ? [1, 3] : dash || []);
      ctx.beginPath();
      for (let k = 0; k < lines.length; k += 4) {
        ctx.moveTo(lines[k], lines[k + 1]);
        ctx.lineTo(lines[k + 2], lines[k + 3]);
      }
      for (let k = 0; k < crosses.length; k += 2) {
        const x = crosses[k], y = crosses[k + 1];
        ctx.moveTo(x - 3, y - 3); ctx.lineTo(x + 3, y + 3);
        ctx.moveTo(x + 3, y - 3); ctx.lineTo(x - 3, y + 3);
      }
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.beginPath();
      for (let k = 0; k < heads.length; k += 4) {
        const x1 = heads[k], y1 = heads[k + 1], x2 = heads[k + 2], y2 = heads[k + 3];
        const len = Math.sqrt((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1));
        const ux = (x2 - x1) / len, uy = (y2 - y1) / len;
        ctx.moveTo(x2, y2);
        ctx.lineTo(x2 - 7 * ux + 3 * uy, y2 - 7 * uy - 3 * ux);
        ctx.lineTo(x2 - 7 * ux - 3 * uy, y2 - 7 * uy + 3 * ux);
        ctx.closePath();
      }
      ctx.fill();
    }
    return capped;
  }

  // ---- faults and findings (DOM) -------------------------------------

  const MAX_FAULT_ELS = 600;

  function renderFaults() {
    faultLayer.replaceChildren();
    const last = new Map(); // node:kind -> [element, right edge], to merge slivers
    let count = 0;
    for (const f of D.faults) {
      if (f.end < view.start || f.start > view.end) continue;
      const x1 = Math.max(X(f.start), -2), x2 = Math.min(X(f.end), W + 2);
      const slot = f.node + ':' + f.kind;
      const prev = last.get(slot);
      if (prev && x1 <= prev[1] + 1 && (f.kind !== 0 || x2 - x1 < 2)) {
        prev[1] = Math.max(prev[1], x2);
        prev[0].style.width = Math.max(prev[1] - parseFloat(prev[0].style.left), 1) + 'px';
        continue;
      }
      if (count++ >= MAX_FAULT_ELS) break;
      const el = document.createElement('div');
      el.className = 'fault fault-' + FAULT_KINDS[f.kind];
      el.dataset.node = String(f.node);
      el.dataset.start = String(f.start);
      el.dataset.end = String(f.end);
      el.style.left = x1 + 'px';
      el.style.width = Math.max(x2 - x1, 1) + 'px';
      if (f.kind === 0) {
        el.style.top = laneTop(-1) + 'px';
        el.style.height = (H - laneTop(-1)) + 'px';
        if (x2 - x1 > 30) {
          const label = document.createElement('span');
          label.className = 'fault-label';
          label.textContent = f.desc;
          el.append(label);
        }
      } else {
        el.style.top = laneTop(f.node) + 'px';
        el.style.height = (LANE_H - 1) + 'px';
      }
      faultLayer.append(el);
      last.set(slot, [el, x2]);
    }
  }

  function findingNodes(f) {
    const nodes = (f.nodes || []).filter((n) => n >= 0 && n < D.lanes);
    return nodes.length ? nodes : Array.from({ length: D.lanes }, (_, i) => i);
  }

  function renderMarkers() {
    const flags = [];
    markerEls.forEach((el, i) => {
      const f = D.findings[i];
      const x = f ? X(f.at) : NaN;
      if (!(x >= -8 && x <= W + 8)) { el.hidden = true; return; }
      el.hidden = false;
      const nodes = findingNodes(f);
      const top = laneTop(-1) + 2, bottom = laneTop(Math.max(...nodes, -1)) + LANE_H - 2;
      el.style.left = (x - 1) + 'px';
      el.style.top = top + 'px';
      el.style.height = Math.max(bottom - top, 4) + 'px';
      // Flags of findings at about the same time step aside, not on top.
      const near = flags.filter((fx) => Math.abs(fx - x) < 16).length;
      flags.push(x);
      el.querySelector('.finding-flag').style.left = (near * 16 - 1) + 'px';
      if (el.dataset.dots !== nodes.join(',')) {
        el.dataset.dots = nodes.join(',');
        el.querySelectorAll('.finding-dot').forEach((d) => d.remove());
        for (const n of nodes) {
          const dot = document.createElement('span');
          dot.className = 'finding-dot';
          dot.dataset.node = String(n);
          dot.style.top = (laneTop(n) + BAR_TOP - top - 6) + 'px';
          el.append(dot);
        }
      }
    });
  }

  function select(i, from) {
    if (i < 0 || i >= D.findings.length) return;
    selected = i;
    markerEls.forEach((el, k) => el.classList.toggle('selected', k === i));
    findingEls.forEach((el, k) => el.classList.toggle('selected', k === i));
    const nodes = new Set(findingNodes(D.findings[i]).map(String));
    for (const el of laneEls) el.classList.toggle('finding-lane', nodes.has(el.dataset.node));
    const f = D.findings[i];
    setView(f.lo, f.hi);
    if (from === 'list') {
      const r = timeline.getBoundingClientRect();
      if (r.top < 0 || r.top > window.innerHeight - 100) timeline.scrollIntoView({ block: 'start' });
    } else if (from === 'marker' || from === 'key') {
      findingEls[i] && findingEls[i].scrollIntoView({ block: 'nearest' });
    }
  }

  // ---- overview --------------------------------------------------------

  const OX = (t) => ((t - D.start) / (D.end - D.start)) * W;

  function drawOverview() {
    const OH = 44;
    if (!overviewCache) {
      overviewCache = document.createElement('canvas');
      const dpr = window.devicePixelRatio || 1;
      overviewCache.width = Math.round(W * dpr);
      overviewCache.height = Math.round(OH * dpr);
      const c = overviewCache.getContext('2d');
      c.setTransform(dpr, 0, 0, dpr, 0, 0);
      c.fillStyle = '#fafafa';
      c.fillRect(0, 0, W, OH);
      c.fillStyle = 'rgba(124,58,237,.16)';
      for (const f of D.faults) if (f.kind === 0) c.fillRect(OX(f.start), 0, Math.max(OX(f.end) - OX(f.start), 1), OH);
      const rowH = Math.max(1, Math.min(5, (OH - 8) / Math.max(D.lanes, 1)));
      for (let n = 0; n < D.lanes; n++) {
        for (const s of D.segs[n]) {
          if (s.role < 2) continue; // followers are the quiet default
          c.fillStyle = ROLE_COLORS[s.role];
          c.fillRect(OX(s.start), 4 + n * rowH, Math.max(OX(s.end) - OX(s.start), 1), Math.max(rowH - 1, 1));
        }
      }
      c.fillStyle = FINDING_COLOR;
      for (const f of D.findings) c.fillRect(OX(f.at) - 1, 0, 2, OH);
    }
    octx.clearRect(0, 0, W, OH);
    octx.drawImage(overviewCache, 0, 0, W, OH);
    const x1 = OX(view.start), x2 = OX(view.end);
    octx.fillStyle = 'rgba(17,24,39,.08)';
    octx.fillRect(0, 0, Math.max(x1, 0), OH);
    octx.fillRect(x2, 0, Math.max(W - x2, 0), OH);
    octx.strokeStyle = '#111827';
    octx.lineWidth = 1.5;
    octx.strokeRect(Math.max(x1, 0) + 0.75, 0.75, Math.max(Math.min(x2, W) - Math.max(x1, 0) - 1.5, 2), OH - 1.5);
  }

  // ---- hover -----------------------------------------------------------

  function segAt(n, t) {
    const segs = D.segs[n];
    const i = lowerBound(segs, t, (s) => s.end);
    return i < segs.length && segs[i].start <= t ? segs[i] : null;
  }

  // nearestMessage returns [list, index] of the drawn message line within
  // 5px of (x, y), or null.
  function nearestMessage(x, y) {
    if (!drawn) return null;
    let best = null, bestD = 5;
    for (let i = 0; i < drawn.idx.length; i++) {
      const x1 = drawn.x1[i], y1 = drawn.y1[i], x2 = drawn.x2[i], y2 = drawn.y2[i];
      const dx = x2 - x1, dy = y2 - y1, l2 = dx * dx + dy * dy;
      const u = l2 ? Math.min(Math.max(((x - x1) * dx + (y - y1) * dy) / l2, 0), 1) : 0;
      const ex = x - x1 - u * dx, ey = y - y1 - u * dy, d = Math.sqrt(ex * ex + ey * ey);
      if (d < bestD) { bestD = d; best = [drawn.list[i], drawn.idx[i]]; }
    }
    return best;
  }

  function describeMessage(l, i) {
    const kind = l.kind[i], flags = l.flags[i], took = fmtDur(l.e[i] - l.s[i]);
    let s = 'n' + l.from[i] + ' → n' + l.to[i] + ' ' + (KINDS[kind] || 'kind ' + kind) + ' term ' + l.term[i];
    if (kind === 2 || kind === 6) s += (flags & GRANTED) ? ' · granted' : ' · denied';
    s += ' · sent ' + fmtDur(l.s[i]);
    if (flags & DROPPED) s += ' · dropped after ' + took + ' (' + (D.reasons[l.reason[i]] || 'dropped') + ')';
    else if (flags & IN_FLIGHT) s += ' · never delivered';
    else s += ' · delivered after ' + took;
    if (flags & NO_SEND) s += ' · a duplicate (no send of its own)';
    return s;
  }

  function hover(ev) {
    const r = canvas.getBoundingClientRect();
    const x = ev.clientX - r.left, y = ev.clientY - r.top;
    if (x < 0 || x > W || y < AXIS_H || y > H) { tooltip.hidden = true; return; }
    const t = T(x), near = 5 * (view.end - view.start) / W;
    const node = y < laneTop(0) ? -1 : Math.floor((y - laneTop(0)) / LANE_H);
    const lines = [['tt-time', fmtDur(Math.round(t))]];
    if (node >= 0 && node < D.lanes) {
      const s = segAt(node, t);
      lines.push(['', s ? 'n' + node + ' · ' + roleLabels(s)[0] + ' · since ' + fmtDur(s.start) + ' for ' + fmtDur(s.end - s.start)
        : 'n' + node + ' · not observed yet']);
    }
    for (const f of D.faults) {
      if (f.start <= t && t <= f.end && (f.node === node || f.kind === 0)) {
        lines.push(['tt-fault', (f.kind === 0 ? 'fault: ' : '') + f.desc + (f.cause && f.cause !== f.desc ? '  (since “' + f.cause + '”)' : '')]);
      }
    }
    const marks = D.marks[node + 1] || [];
    if (node < 0) {
      for (const h of D.harness) {
        if (Math.abs(h.at - t) <= near && (h.topo || show.marks)) lines.push([h.topo ? 'tt-fault' : '', (h.topo ? 'topology: ' + h.text + ' — ' + h.summary : 'note: ' + h.text) + ' @ ' + fmtDur(h.at)]);
      }
    } else if (show.marks) {
      let k = lowerBound(marks, t - near, (m) => m.at), n = 0;
      for (; k < marks.length && marks[k].at <= t + near && n < 6; k++, n++) {
        lines.push(['', MARK_TYPES[marks[k].type] + ' @ ' + fmtDur(marks[k].at) + ': ' + marks[k].text]);
      }
    }
    const m = nearestMessage(x, y);
    if (m) lines.push(['', describeMessage(m[0], m[1])]);
    D.findings.forEach((f, i) => {
      if (Math.abs(X(f.at) - x) <= 6) lines.push(['tt-finding', 'finding ' + (i + 1) + ' · ' + f.checker + ': ' + f.summary]);
    });
    tooltip.replaceChildren(...lines.map(([cls, text]) => {
      const div = document.createElement('div');
      div.className = cls;
      div.textContent = text.length > 600 ? text.slice(0, 600) + '…' : text;
      return div;
    }));
    tooltip.hidden = false;
    const px = gutter + x + 14, maxLeft = plot.clientWidth - tooltip.offsetWidth - 4;
    tooltip.style.left = Math.max(0, Math.min(px, maxLeft)) + 'px';
    tooltip.style.top = (y + 16) + 'px';
  }

  // ---- input -----------------------------------------------------------

  function wire() {
    let drag = null;
    plot.addEventListener('wheel', (ev) => {
      ev.preventDefault();
      const unit = ev.deltaMode === 1 ? 16 : ev.deltaMode === 2 ? 400 : 1;
      const dx = ev.deltaX * unit, dy = ev.deltaY * unit;
      if (ev.shiftKey || Math.abs(dx) > Math.abs(dy)) {
        pan(((ev.shiftKey ? dy : 0) + dx) / W);
      } else {
        const r = canvas.getBoundingClientRect();
        zoom(Math.exp(dy * 0.0015), T(ev.clientX - r.left));
      }
    }, { passive: false });
    plot.addEventListener('pointerdown', (ev) => {
      if (ev.button !== 0 || ev.target.closest('.finding-marker')) return;
      drag = { x: ev.clientX, start: view.start, end: view.end, moved: false };
      plot.setPointerCapture(ev.pointerId);
    });
    plot.addEventListener('pointermove', (ev) => {
      if (!drag) { hover(ev); return; }
      const dx = ev.clientX - drag.x;
      if (Math.abs(dx) > 2) { drag.moved = true; plot.classList.add('dragging'); tooltip.hidden = true; }
      if (!drag.moved) return;
      const dt = (dx / W) * (drag.end - drag.start);
      setView(drag.start - dt, drag.end - dt, true);
    });
    const endDrag = () => { drag = null; plot.classList.remove('dragging'); };
    plot.addEventListener('pointerup', endDrag);
    plot.addEventListener('pointercancel', endDrag);
    plot.addEventListener('pointerleave', () => { if (!drag) tooltip.hidden = true; });

    let odrag = false;
    const jump = (ev) => {
      const r = overview.getBoundingClientRect();
      const t = D.start + ((ev.clientX - r.left) / W) * (D.end - D.start), half = (view.end - view.start) / 2;
      setView(t - half, t + half, true);
    };
    overview.addEventListener('pointerdown', (ev) => { odrag = true; overview.setPointerCapture(ev.pointerId); jump(ev); });
    overview.addEventListener('pointermove', (ev) => { if (odrag) jump(ev); });
    overview.addEventListener('pointerup', () => { odrag = false; });

    markerEls.forEach((el, i) => el.addEventListener('click', () => select(i, 'marker')));
    findingEls.forEach((el, i) => {
      el.addEventListener('click', () => select(i, 'list'));
      el.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); select(i, 'list'); } });
    });

    const on = (id, f) => { const el = $(id); if (el) el.addEventListener('click', f); };
    on('#zoom-in', () => zoom(0.5));
    on('#zoom-out', () => zoom(2));
    on('#pan-left', () => pan(-0.25));
    on('#pan-right', () => pan(0.25));
    on('#fit', fit);
    on('#next-finding', () => select(Math.min(selected + 1, D.findings.length - 1), 'key'));
    on('#prev-finding', () => select(Math.max(selected - 1, 0), 'key'));
    on('#copy-replay', () => {
      const text = $('#replay').textContent, btn = $('#copy-replay');
      const done = () => { btn.textContent = 'copied'; setTimeout(() => { btn.textContent = 'copy'; }, 1500); };
      if (navigator.clipboard) navigator.clipboard.writeText(text).then(done, () => selectText($('#replay')));
      else selectText($('#replay'));
    });
    for (const name of ['votes', 'heartbeats', 'other', 'marks']) {
      const box = $('#show-' + name);
      box.checked = show[name];
      box.addEventListener('change', () => { show[name] = box.checked; render(); });
    }
    if (!D.msgs.other.n) $('#show-other').parentElement.hidden = true;

    document.addEventListener('keydown', (ev) => {
      if ((ev.target instanceof Element && ev.target.closest('input, textarea, button')) || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      const keys = {
        '+': () => zoom(0.5), '=': () => zoom(0.5), '-': () => zoom(2), '_': () => zoom(2),
        ArrowLeft: () => pan(-0.25), ArrowRight: () => pan(0.25), '0': fit,
        n: () => select(Math.min(selected + 1, D.findings.length - 1), 'key'),
        p: () => select(Math.max(selected - 1, 0), 'key'),
      };
      if (keys[ev.key]) { ev.preventDefault(); keys[ev.key](); }
    });
    window.addEventListener('resize', () => { W = 0; schedule(); });
  }

  function selectText(el) {
    const range = document.createRange();
    range.selectNodeContents(el);
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  // ---- start -----------------------------------------------------------

  // The URL fragment can set the view and the checkboxes (#view=lo,hi&
  // heartbeats=1), and lets tests drive the page without a debugger:
  // #test-click=i fits the whole run, clicks finding i in the list and
  // records the view before and after on <body>; #bench=n times redraws.
  function fromFragment(params) {
    for (const name of ['votes', 'heartbeats', 'other', 'marks']) {
      if (params.has(name)) show[name] = params.get(name) === '1';
    }
    const v = (params.get('view') || '').split(',').map(Number);
    return v.length === 2 && v.every(Number.isFinite) && v[1] > v[0] ? v : null;
  }

  function testHooks(params) {
    if (params.has('bench')) { // #bench=n: draw the current view n times, record the median and the fastest
      const times = [];
      for (let k = 0; k < Math.min(Number(params.get('bench')) || 1, 100); k++) {
        const t0 = performance.now();
        render();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      timeline.dataset.benchMs = times[times.length >> 1].toFixed(1) + ',' + times[0].toFixed(1);
    }
    if (!params.has('test-click')) return;
    const i = Number(params.get('test-click'));
    fit();
    const b = document.body.dataset;
    b.testBefore = timeline.dataset.viewStart + ',' + timeline.dataset.viewEnd;
    const li = document.querySelector('#findings li[data-index="' + i + '"]');
    if (li) li.click();
    b.testAfter = timeline.dataset.viewStart + ',' + timeline.dataset.viewEnd;
    b.testDone = li ? 'clicked' : 'no such finding';
    // #test-hover=t,node then hovers over node's lane at time t (ns).
    const [t, node] = (params.get('test-hover') || '').split(',').map(Number);
    if (Number.isFinite(t) && Number.isFinite(node)) {
      const r = canvas.getBoundingClientRect();
      hover({ clientX: r.left + X(t), clientY: r.top + laneMid(node) });
      b.testTooltip = Array.from(tooltip.children, (c) => c.textContent).join('\n');
    }
  }

  try {
    D = load();
    const params = new URLSearchParams(location.hash.slice(1));
    const v = fromFragment(params);
    timeline.dataset.parseMs = (performance.now() - started).toFixed(1);
    wire();
    layout();
    if (v) setView(v[0], v[1]);
    else if (D.findings.length) select(0, 'start');
    else fit();
    timeline.dataset.renderMs = (performance.now() - started).toFixed(1);
    testHooks(params);
    document.body.dataset.ready = '1';
  } catch (err) {
    fail(err);
  }
})();
