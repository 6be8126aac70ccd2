// Pieces more than one view uses: the period picker and the league table.
import { cached } from './api.js';
import { h, select, field } from './dom.js';
import { TYPES, choices, convert, typeOf } from './periods.js';
import {
  FUNNEL_LABELS,
  RATES,
  RATE_LABELS,
  ineligibleReason,
  interval,
  num,
  pct,
  score,
} from './labels.js';

/** Two selects — period type and period — calling onChange(period) when either changes. */
export function periodPicker(period, onChange, { label = '统计周期' } = {}) {
  const type = typeOf(period) || 'month';
  const typeSelect = select(TYPES, type, { 'aria-label': '周期类型', name: 'period-type' });
  const periodSelect = select(choices(type, period), period, { 'aria-label': label, name: 'period' });
  typeSelect.addEventListener('change', () => onChange(convert(period, typeSelect.value)));
  periodSelect.addEventListener('change', () => onChange(periodSelect.value));
  const picker = field(label, h('span', { class: 'pair' }, typeSelect, periodSelect));
  picker.classList.add('field-period');
  return picker;
}

/** The groups to offer: the four of SPEC §1 first, then any other group of the registry. */
export function groupOptions(ctx, labelOf) {
  const known = ['counties', 'mountain26', 'non_mountain', 'cities'];
  const all = [...known.filter((g) => ctx.groups.includes(g)), ...ctx.groups.filter((g) => !known.includes(g)).sort()];
  return all.map((g) => [g, labelOf(g)]);
}

export function changeCell(row) {
  if (!row.eligible) return h('td', { class: 'change' }, '');
  if (row.previous_rank === null || row.previous_rank === undefined) {
    return h('td', { class: 'change new', title: '上期未参评' }, '新');
  }
  const d = row.rank_change;
  if (d > 0) return h('td', { class: 'change up', title: `上期第 ${row.previous_rank} 名，上升 ${d} 位` }, `↑${d}`);
  if (d < 0) return h('td', { class: 'change down', title: `上期第 ${row.previous_rank} 名，下降 ${-d} 位` }, `↓${-d}`);
  return h('td', { class: 'change same', title: `上期第 ${row.previous_rank} 名，持平` }, '—');
}

export function rateCell(detail, rate, target, name = RATE_LABELS[rate]) {
  if (!detail || detail.value === null || detail.value === undefined) {
    return h('td', { class: 'rate none', dataset: { rate } }, '—');
  }
  const signal = detail.funnel || 'none';
  const ratio = detail.numerator !== undefined && detail.numerator !== null;
  const mean = !ratio && detail.cases !== undefined;
  const shown = ratio ? pct(detail.value) : mean ? `${Number(detail.value).toFixed(2)}天` : Number(detail.value).toLocaleString('zh-CN', { maximumFractionDigits: 4 });
  const ci = ratio ? interval(detail.wilson) : detail.bootstrap ? `${detail.bootstrap[0].toFixed(2)}–${detail.bootstrap[1].toFixed(2)}` : '';
  const title = ratio
    ? `${name} ${shown}（${detail.numerator}/${detail.denominator}）\n95% 置信区间 ${ci}%\n${FUNNEL_LABELS[signal] || '无漏斗判定'}`
    : `${name} ${shown}${mean ? `（${detail.cases} 件）` : ''}${ci ? `\n95% 重抽样区间 ${ci}` : ''}\n无漏斗判定`;
  return h(
    'td',
    { class: `rate f-${signal}`, dataset: { rate, funnel: signal, met: target ? String(target.met) : undefined }, title },
    h('span', { class: 'v' }, shown),
    h('span', { class: 'ci' }, ci),
    target ? targetBadge(target) : null,
  );
}

/** 达标 / 未达标 beside a value with a target; nothing when the value is null. */
export function targetBadge(target) {
  if (!target || target.met === null || target.met === undefined) return null;
  return h('span', { class: `target ${target.met ? 'met' : 'not-met'}`, title: `目标值 ${target.target}` }, target.met ? '达标' : '未达标');
}

/** code → name of every indicator, built-in and defined (retired ones under their last name). */
export async function indicatorNames() {
  const answer = await cached('/indicators').catch(() => ({ rows: [] }));
  const names = {};
  for (const d of answer.rows) names[d.code] = d.name || (d.versions.length ? d.versions[d.versions.length - 1].name : d.code);
  return names;
}

/** The codes a table carries beyond the four built-in rates, in the order its rows give them. */
export function customCodes(table) {
  const codes = [];
  for (const r of table.rows) {
    for (const code of Object.keys(r.rates || {})) if (!RATES.includes(code) && !codes.includes(code)) codes.push(code);
  }
  return codes;
}

function columnsOf(table, names = {}) {
  return [...COLUMNS, ...customCodes(table).map((code) => [code, names[code] || code, (r) => (r.rates[code] ? r.rates[code].value : null)])];
}

const COLUMNS = [
  ['rank', '排名', (r) => r.rank],
  ['change', '升降', (r) => r.rank_change],
  ['name', '地区', (r) => r.name],
  ['score', '得分', (r) => r.score],
  ['received', '受理量', (r) => r.received],
  ...RATES.map((rate) => [rate, RATE_LABELS[rate], (r) => (r.rates[rate] ? r.rates[rate].value : null)]),
];

/** Rows in display order: eligible ones by the sort key, then ineligible ones by the same key. */
export function sortedRows(table, sort) {
  const col = columnsOf(table).find((c) => c[0] === sort.key) || COLUMNS[0];
  const cmp = (a, b) => {
    const x = col[2](a);
    const y = col[2](b);
    if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1;
    if (y === null || y === undefined) return -1;
    const c = typeof x === 'string' ? x.localeCompare(y, 'zh-CN') : x - y;
    return sort.dir === 'desc' ? -c : c;
  };
  const by = (rows) =>
    rows
      .map((r, i) => [r, i])
      .sort((a, b) => cmp(a[0], b[0]) || a[1] - b[1])
      .map((p) => p[0]);
  return [...by(table.rows.filter((r) => r.eligible)), ...by(table.rows.filter((r) => !r.eligible))];
}

/**
 * The league table as an HTML table, sortable by clicking a heading. linkTo(row) gives a row's
 * link (or null); onSort(sort) is called with the new sort; the row of tenant `own` is marked.
 */
export function leagueTable(table, sort, { onSort, linkTo, own, names = {}, id = 'league-table' } = {}) {
  const custom = customCodes(table);
  const head = h(
    'tr',
    {},
    columnsOf(table, names).map(([key, label]) => {
      const active = sort.key === key;
      const button = h(
        'button',
        { type: 'button', class: 'sort', dataset: { key } },
        label,
        h('span', { class: 'arrow', 'aria-hidden': 'true' }, active ? (sort.dir === 'asc' ? '▲' : '▼') : ''),
      );
      if (onSort) {
        button.addEventListener('click', () => {
          const dir = active ? (sort.dir === 'asc' ? 'desc' : 'asc') : ['rank', 'name'].includes(key) ? 'asc' : 'desc';
          onSort({ key, dir });
        });
      }
      return h('th', { scope: 'col', class: `col-${key}`, 'aria-sort': active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none' }, button);
    }),
  );
  const rows = sortedRows(table, sort).map((r) => {
    const href = linkTo ? linkTo(r) : null;
    return h(
      'tr',
      { class: `${r.eligible ? 'eligible' : 'ineligible'}${r.tenant === own ? ' own' : ''}`, dataset: { tenant: r.tenant } },
      h('td', { class: 'rank', title: r.rank_interval ? `重抽样排名区间 ${r.rank_interval[0]}–${r.rank_interval[1]}` : '' }, r.rank ?? '—'),
      changeCell(r),
      h(
        'td',
        { class: 'name' },
        href ? h('a', { href }, r.name) : r.name,
        r.eligible ? null : h('span', { class: 'reason' }, ineligibleReason(r.ineligible_reason)),
      ),
      h('td', { class: 'score' }, score(r.score)),
      h('td', { class: 'received' }, num(r.received)),
      RATES.map((rate) => rateCell(r.rates[rate], rate, r.targets && r.targets[rate])),
      custom.map((code) => rateCell(r.rates[code], code, r.targets && r.targets[code], names[code] || code)),
    );
  });
  return h(
    'div',
    { class: 'table-wrap' },
    h('table', { class: 'league', id }, h('thead', {}, head), h('tbody', {}, rows)),
  );
}

/** The shown table as export rows (what the page shows, in its order). */
export function exportTable(table, sort, names = {}) {
  const columns = ['排名', '排名升降', '上期排名', '地区代码', '地区', '得分', '受理量'];
  for (const rate of RATES) {
    columns.push(`${RATE_LABELS[rate]}(%)`, `${RATE_LABELS[rate]}95%下限(%)`, `${RATE_LABELS[rate]}95%上限(%)`, `${RATE_LABELS[rate]}漏斗判定`);
  }
  const custom = customCodes(table);
  const ratio = (code) => table.rows.some((r) => r.rates[code] && r.rates[code].numerator !== undefined);
  for (const code of custom) columns.push(`${names[code] || code}${ratio(code) ? '(%)' : ''}`);
  const targets = [...new Set(table.rows.flatMap((r) => Object.keys(r.targets || {})))];
  for (const code of targets) columns.push(`${names[code] || RATE_LABELS[code] || code}达标`);
  columns.push('说明');
  const p = (x) => (x === null || x === undefined ? null : Math.round(x * 10000) / 100);
  const rows = sortedRows(table, sort).map((r) => {
    const cells = [r.rank ?? null, r.rank_change ?? null, r.previous_rank ?? null, r.tenant, r.name, r.score ?? null, r.received];
    for (const rate of RATES) {
      const d = r.rates[rate] || {};
      cells.push(p(d.value), d.wilson ? p(d.wilson[0]) : null, d.wilson ? p(d.wilson[1]) : null, FUNNEL_LABELS[d.funnel] || null);
    }
    for (const code of custom) {
      const v = r.rates[code] ? r.rates[code].value ?? null : null;
      cells.push(ratio(code) ? p(v) : v);
    }
    for (const code of targets) {
      const t = r.targets && r.targets[code];
      cells.push(!t || t.met === null || t.met === undefined ? null : t.met ? '达标' : '未达标');
    }
    cells.push(r.eligible ? '' : ineligibleReason(r.ineligible_reason));
    return cells;
  });
  return { columns, rows };
}

export function funnelLegend() {
  return h(
    'ul',
    { class: 'legend' },
    ['above', 'within', 'below', 'alarm'].map((s) => h('li', {}, h('span', { class: `swatch f-${s}` }), FUNNEL_LABELS[s])),
  );
}
