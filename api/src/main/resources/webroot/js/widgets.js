// Pieces more than one view uses: the period picker and the league table.
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

export function rateCell(detail, rate) {
  if (!detail || detail.value === null || detail.value === undefined) {
    return h('td', { class: 'rate none', dataset: { rate } }, '—');
  }
  const signal = detail.funnel || 'none';
  const title = `${RATE_LABELS[rate]} ${pct(detail.value)}（${detail.numerator}/${detail.denominator}）\n95% 置信区间 ${interval(detail.wilson)}%\n${FUNNEL_LABELS[signal] || '无漏斗判定'}`;
  return h(
    'td',
    { class: `rate f-${signal}`, dataset: { rate, funnel: signal }, title },
    h('span', { class: 'v' }, pct(detail.value)),
    h('span', { class: 'ci' }, interval(detail.wilson)),
  );
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
  const col = COLUMNS.find((c) => c[0] === sort.key) || COLUMNS[0];
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
export function leagueTable(table, sort, { onSort, linkTo, own } = {}) {
  const head = h(
    'tr',
    {},
    COLUMNS.map(([key, label]) => {
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
      RATES.map((rate) => rateCell(r.rates[rate], rate)),
    );
  });
  return h(
    'div',
    { class: 'table-wrap' },
    h('table', { class: 'league', id: 'league-table' }, h('thead', {}, head), h('tbody', {}, rows)),
  );
}

/** The shown table as export rows (what the page shows, in its order). */
export function exportTable(table, sort) {
  const columns = ['排名', '排名升降', '上期排名', '地区代码', '地区', '得分', '受理量'];
  for (const rate of RATES) {
    columns.push(`${RATE_LABELS[rate]}(%)`, `${RATE_LABELS[rate]}95%下限(%)`, `${RATE_LABELS[rate]}95%上限(%)`, `${RATE_LABELS[rate]}漏斗判定`);
  }
  columns.push('说明');
  const p = (x) => (x === null || x === undefined ? null : Math.round(x * 10000) / 100);
  const rows = sortedRows(table, sort).map((r) => {
    const cells = [r.rank ?? null, r.rank_change ?? null, r.previous_rank ?? null, r.tenant, r.name, r.score ?? null, r.received];
    for (const rate of RATES) {
      const d = r.rates[rate] || {};
      cells.push(p(d.value), d.wilson ? p(d.wilson[0]) : null, d.wilson ? p(d.wilson[1]) : null, FUNNEL_LABELS[d.funnel] || null);
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
