// kgx report: filters, side panel and timeline over the data kgx embedded.
// Document text is untrusted: it is only ever set as textContent (never as
// markup), and links are only http(s) URLs or relative/file paths.
(function () {
  'use strict';
  const D = JSON.parse(document.getElementById('kgx-data').textContent);
  const $ = (id) => document.getElementById(id);
  const MAX_CARDS = 100;  // Cards drawn at once in the panel; the rest are counted.

  // Elements are built from text only.
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function safeHref(h) {
    return /^https?:\/\//i.test(h) || /^file:\/\//i.test(h) || !/^[a-z][a-z0-9+.-]*:/i.test(h) ? h : null;
  }
  // What the graph's main views count; the other statuses are drawn dashed.
  const FIRM = new Set(['concluded', 'in force']);
  const FIRM_ONLY = 'concluded or in force';  // The status filter's choice that hides the others.
  const nodeName = (i) => (i >= 0 && D.nodes[i] ? D.nodes[i].name : 'no target named');
  const list = (xs) => (xs.length ? xs.join(', ') : '—');

  // Items: agreements then measures, one shape for filtering.
  const items = [];
  D.agreements.forEach((a, i) => items.push({ type: 'agreement', i, d: a, ends: a.parties }));
  D.measures.forEach((m, i) => items.push({ type: 'measure', i, d: m, ends: m.to >= 0 ? [m.from, m.to] : [m.from] }));
  for (const it of items) {
    const d = it.d;
    const words = [d.kind, d.status, d.date, ...d.minerals, ...(d.amounts || []), ...(d.orgs || []),
      ...it.ends.map(nodeName), ...it.ends.map((n) => D.nodes[n].key)];
    for (const [doc, text] of d.evidence) words.push(text, D.docs[doc].title, D.docs[doc].path);
    it.hay = words.join('\n').toLowerCase();
    it.month = d.date ? d.date.slice(0, 7) : '';
    it.visible = true;
  }
  const agreementItem = (i) => items[i];
  const measureItem = (i) => items[D.agreements.length + i];

  // Filter choices from the data.
  function fill(select, values) {
    for (const [value, label] of values) {
      const o = el('option', label);
      o.value = value;
      select.appendChild(o);
    }
  }
  const used = new Set();
  items.forEach((it) => it.ends.forEach((n) => used.add(n)));
  fill($('f-country'), [...used].filter((n) => D.nodes[n].kind !== 'mineral')
    .sort((a, b) => D.nodes[a].name.localeCompare(D.nodes[b].name)).map((n) => [String(n), D.nodes[n].name]));
  const uniq = (f) => [...new Set(items.flatMap(f))].sort();
  fill($('f-mineral'), uniq((it) => it.d.minerals).map((m) => [m, m]));
  fill($('f-kind'), uniq((it) => [it.d.kind]).map((k) => [k, k]));
  fill($('f-status'), [[FIRM_ONLY, 'concluded or in force only']]
    .concat(uniq((it) => [it.d.status]).map((s) => [s, s])));

  const state = { country: '', mineral: '', kind: '', status: '', since: '', until: '', docs: 1, text: '' };
  function readFilters() {
    state.country = $('f-country').value;
    state.mineral = $('f-mineral').value;
    state.kind = $('f-kind').value;
    state.status = $('f-status').value;
    state.since = $('f-since').value;
    state.until = $('f-until').value;
    state.docs = Math.max(1, parseInt($('f-docs').value, 10) || 1);
    state.text = $('f-text').value.trim().toLowerCase();
  }
  // A date (YYYY, YYYY-MM or YYYY-MM-DD) against a month range, at the
  // precision both have, as kgx's --since/--until do.
  function inRange(date) {
    if (!state.since && !state.until) return true;
    if (!date) return false;
    const cmp = (a, b) => { const n = Math.min(a.length, b.length); const x = a.slice(0, n), y = b.slice(0, n); return x < y ? -1 : x > y ? 1 : 0; };
    return !(state.since && cmp(date, state.since) < 0) && !(state.until && cmp(date, state.until) > 0);
  }
  function passes(it) {
    const d = it.d;
    if (state.country !== '' && !it.ends.includes(Number(state.country))) return false;
    if (state.mineral && !d.minerals.includes(state.mineral)) return false;
    if (state.kind && d.kind !== state.kind) return false;
    if (state.status === FIRM_ONLY ? !FIRM.has(d.status) : state.status && d.status !== state.status) return false;
    if (d.ndocs < state.docs) return false;
    if (!inRange(d.date)) return false;
    return !state.text || it.hay.includes(state.text);
  }

  const svg = document.querySelector('#graph svg');
  const nodeEl = D.nodes.map((_, i) => document.getElementById('n' + i));
  const edgeEl = D.edges.map((_, i) => document.getElementById('e' + i));
  const edgeItems = D.edges.map((e) => (e.agreements || []).map(agreementItem).concat((e.measures || []).map(measureItem)));
  let selection = null;  // {type: 'node'|'edge'|'agreement'|'measure'|'all', i}

  function apply() {
    readFilters();
    let na = 0, nm = 0;
    for (const it of items) {
      it.visible = passes(it);
      if (it.visible) it.type === 'agreement' ? na++ : nm++;
    }
    const nodeOn = D.nodes.map(() => false);
    D.edges.forEach((e, i) => {
      const on = edgeItems[i].some((it) => it.visible);
      if (edgeEl[i]) edgeEl[i].classList.toggle('off', !on);
      if (on) nodeOn[e.a] = nodeOn[e.b] = true;
    });
    for (const it of items) if (it.visible) it.ends.forEach((n) => { nodeOn[n] = true; });
    nodeEl.forEach((n, i) => { if (n) n.classList.toggle('off', !nodeOn[i]); });
    $('counts').textContent = `${na} of ${D.agreements.length} agreements, ${nm} of ${D.measures.length} trade measures shown; ` +
      `${D.documents_read} documents read` + (D.scope ? `; built with ${D.scope}` : '') +
      '. Click a country, an edge, an agreement or a month.';
    timeline();
    panel();
  }

  function row(dl, name, value) {
    dl.appendChild(el('dt', name));
    dl.appendChild(el('dd', value));
  }
  function sources(box, d) {
    for (const [doc, text] of d.evidence) {
      box.appendChild(el('blockquote', text));
      const info = D.docs[doc];
      const src = el('div', null, 'source');
      const href = safeHref(info.href);
      const a = el(href ? 'a' : 'span', info.title || info.path);
      if (href) { a.href = href; a.target = '_blank'; a.rel = 'noopener noreferrer'; }
      src.appendChild(a);
      const about = [info.date || 'undated', info.lang, info.title ? info.path : ''].filter(Boolean);
      src.appendChild(document.createTextNode(' — ' + about.join(', ')));
      box.appendChild(src);
    }
    if (d.ndocs > new Set(d.evidence.map((e) => e[0])).size)
      box.appendChild(el('div', `Reported by ${d.ndocs} documents; the first sentences are shown.`, 'more'));
  }
  function card(it) {
    const d = it.d;
    const box = el('div', null, 'card ' + it.type + (FIRM.has(d.status) ? '' : ' tentative'));
    // Not concluded or not in force: the status is in the title ("threatened tariff").
    const kind = FIRM.has(d.status) || d.status === d.kind ? d.kind : `${d.status} ${d.kind}`;
    const title = it.type === 'agreement'
      ? `${d.parties.map(nodeName).join(' – ')}: ${kind}`
      : `${nodeName(d.from)} → ${nodeName(d.to)}: ${kind}`;
    const h = el('h3');
    const b = el('button', title, 'link');
    b.type = 'button';
    b.addEventListener('click', () => select({ type: it.type, i: it.i }));
    h.appendChild(b);
    box.appendChild(h);
    const dl = el('dl');
    row(dl, it.type === 'agreement' ? 'Agreement' : 'Trade measure', d.kind);
    row(dl, 'Status', d.status);
    row(dl, 'Date', d.date || 'undated');
    row(dl, 'Minerals', list(d.minerals));
    if (it.type === 'agreement') {
      row(dl, 'Amounts', list(d.amounts));
      row(dl, 'Parties', list(d.parties.map(nodeName)));
      if (d.orgs.length) row(dl, 'Organizations', list(d.orgs));
    } else {
      row(dl, 'Imposed by', nodeName(d.from));
      row(dl, 'Target', nodeName(d.to));
    }
    row(dl, 'Documents', String(d.ndocs));
    box.appendChild(dl);
    sources(box, d);
    return box;
  }
  function panel() {
    const p = $('panel');
    p.replaceChildren();
    let title, chosen;
    const sel = selection || { type: 'all' };
    if (sel.type === 'node') {
      const n = D.nodes[sel.i];
      title = `${n.name} (${n.key})`;
      // A mineral's node: what names the mineral (untargeted measures point at it).
      chosen = n.kind === 'mineral' ? items.filter((it) => it.d.minerals.includes(n.key))
        : items.filter((it) => it.ends.includes(sel.i));
    } else if (sel.type === 'edge') {
      const e = D.edges[sel.i];
      // A loop is a measure with neither target nor mineral named.
      title = e.a === e.b ? `${nodeName(e.a)}: no target named`
        : e.measures ? `${nodeName(e.a)} → ${nodeName(e.b)}` : `${nodeName(e.a)} – ${nodeName(e.b)}`;
      chosen = edgeItems[sel.i];
    } else if (sel.type === 'agreement' || sel.type === 'measure') {
      chosen = [sel.type === 'agreement' ? agreementItem(sel.i) : measureItem(sel.i)];
      title = sel.type === 'agreement' ? 'Agreement' : 'Trade measure';
    } else {
      title = 'All agreements and trade measures';
      chosen = items;
    }
    p.appendChild(el('h2', title));
    const shown = chosen.filter((it) => it.visible);
    if (selection) {
      const back = el('button', '← all', 'link');
      back.type = 'button';
      back.addEventListener('click', () => select(null));
      p.appendChild(back);
    }
    p.appendChild(el('p', `${shown.length} of ${chosen.length} shown with the current filters.`, 'more'));
    for (const it of shown.slice(0, MAX_CARDS)) p.appendChild(card(it));
    if (shown.length > MAX_CARDS)
      p.appendChild(el('p', `${shown.length - MAX_CARDS} more: narrow the filters to see them.`, 'more'));
  }
  function select(sel) {
    selection = sel;
    document.querySelectorAll('#graph .selected').forEach((e) => e.classList.remove('selected'));
    if (sel && sel.type === 'node' && nodeEl[sel.i]) nodeEl[sel.i].classList.add('selected');
    if (sel && sel.type === 'edge' && edgeEl[sel.i]) edgeEl[sel.i].classList.add('selected');
    panel();
  }

  function timeline() {
    const t = $('timeline');
    t.replaceChildren();
    const months = new Map();
    let undated = 0;
    for (const it of items) {
      if (!it.month) { if (it.visible) undated++; continue; }
      if (!months.has(it.month)) months.set(it.month, { a: 0, m: 0 });
      if (it.visible) months.get(it.month)[it.type === 'agreement' ? 'a' : 'm']++;
    }
    $('undated').textContent = undated ? `· ${undated} undated not shown` : '';
    const keys = [...months.keys()].sort();
    const top = Math.max(1, ...keys.map((k) => months.get(k).a + months.get(k).m));
    for (const k of keys) {
      const c = months.get(k);
      const b = el('button', null, 'month');
      b.type = 'button';
      b.title = `${k}: ${c.a} agreements, ${c.m} measures`;
      b.dataset.month = k;
      if (state.since === k.slice(0, 7) && state.until === k.slice(0, 7)) b.classList.add('active');
      const m = el('div', null, 'm'); m.style.height = (48 * c.m / top) + 'px';
      const a = el('div', null, 'a'); a.style.height = (48 * c.a / top) + 'px';
      b.append(m, a, el('span', k.length === 4 ? k : k.slice(2)));
      b.addEventListener('click', () => {
        const month = k.length === 4 ? '' : k;
        const on = state.since === month && state.until === month;
        $('f-since').value = on ? '' : month;
        $('f-until').value = on ? '' : month;
        apply();
      });
      t.appendChild(b);
    }
  }

  // Clicks on the picture: the nearest node or edge group.
  if (svg) {
    svg.addEventListener('click', (ev) => {
      const g = ev.target.closest('g.node, g.edge');
      if (!g) return;
      const i = Number(g.id.slice(1));
      select({ type: g.id[0] === 'n' ? 'node' : 'edge', i });
    });
    svg.removeAttribute('width');
    svg.removeAttribute('height');
  }
  $('filters').addEventListener('input', apply);
  $('filters').addEventListener('change', apply);
  $('filters').addEventListener('submit', (ev) => ev.preventDefault());
  $('f-reset').addEventListener('click', () => { $('filters').reset(); apply(); });
  apply();
}());
