// Small DOM helpers: every text goes in through textContent, never innerHTML.

/** h('td', {class: 'num', dataset: {tenant: '330522'}}, '12', child) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces everything inside el. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A table in its scrolling wrapper: `titles` as the head's column headers, `rows` (<tr>s) as its body. */
export function dataTable(attrs, titles, rows) {
  return h(
    'div',
    { class: 'table-wrap' },
    h('table', attrs, h('thead', {}, h('tr', {}, titles.map((t) => h('th', { scope: 'col' }, t)))), h('tbody', {}, rows)),
  );
}

/** A <select> with [value, label] options. */
export function select(options, value, attrs = {}) {
  const s = h('select', attrs);
  for (const [v, label] of options) {
    s.append(h('option', { value: v, selected: v === value }, label));
  }
  if (value !== undefined && s.value !== value && options.length) s.value = options[0][0];
  return s;
}

/** A labelled form field. */
export function field(label, control) {
  return h('label', { class: 'field' }, h('span', {}, label), control);
}

/** A notice box: kind is info, warn, error or closed (a feature that is not open yet). */
export function notice(kind, text, attrs = {}) {
  return h('div', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status', ...attrs }, text);
}

export function spinner(text = '加载中…') {
  return h('div', { class: 'loading', role: 'status' }, text);
}

/** Saves a Blob under a file name through a temporary link. */
export function download(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
