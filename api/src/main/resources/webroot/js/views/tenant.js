// 地区详情: one tenant — indicators and anomaly counts, trends against its group's median over the
// last 12 periods, its cases (own scope only) with filters, and its recent uploads.
import { api, cached, explain, pooled } from '../api.js';
import { h, dataTable, fill, field, notice, select, spinner } from '../dom.js';
import {
  ANOMALIES,
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  FIELD_LABELS,
  errorText,
  FORMAT_LABELS,
  INDICATORS,
  RATES,
  RATE_LABELS,
  SATISFACTION_LABELS,
  STATUS_LABELS,
  groupLabel,
  num,
  pct,
  time,
} from '../labels.js';
import { label as periodLabel, lastPeriods, shortLabel } from '../periods.js';
import { periodPicker, targetBadge } from '../widgets.js';
import { trendChart } from '../charts.js';

const PAGE = 50;

function medianOf(values) {
  const v = values.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/** The group a tenant is compared with: the one asked for if it belongs to it, else its first. */
function groupFor(tenant, asked) {
  if (tenant.groups.includes(asked)) return asked;
  return tenant.groups.includes('counties') ? 'counties' : tenant.groups[0] || null;
}

export async function render(root, ctx, { arg, params }) {
  const code = arg || ctx.me.code;
  const tenant = ctx.byCode.get(code);
  if (!tenant) {
    root.append(notice('error', `没有代码为 ${code} 的地区。`));
    return;
  }
  const period = params.get('period') || ctx.latest;
  const group = groupFor(tenant, params.get('group'));
  const go = (change) => ctx.go('tenant', change.tenant || code, { period, group, ...change, tenant: undefined });
  const inScope = ctx.scope.has(code);

  const pickable = ctx.tenants.filter((t) => ctx.scope.has(t.code));
  if (!inScope) pickable.unshift(tenant);
  const tenantSelect = select(
    pickable.map((t) => [t.code, `${t.name}（${t.code}）`]),
    code,
    { name: 'tenant' },
  );
  tenantSelect.addEventListener('change', () => go({ tenant: tenantSelect.value }));
  const controls = [field('地区', tenantSelect), periodPicker(period, (p) => go({ period: p }))];
  if (tenant.groups.length > 1) {
    const groupSelect = select(tenant.groups.map((g) => [g, groupLabel(g)]), group, { name: 'group' });
    groupSelect.addEventListener('change', () => go({ group: groupSelect.value }));
    controls.push(field('对比组', groupSelect));
  }

  const indicators = h('section', { class: 'card', id: 'indicators' }, spinner());
  const trends = h('section', { class: 'card', id: 'trends' }, spinner('正在加载近 12 期趋势…'));
  const cases = h('section', { class: 'card', id: 'cases' });
  const batches = h('section', { class: 'card', id: 'batches' });
  root.append(
    h('div', { class: 'toolbar' }, controls),
    h(
      'div',
      { class: 'summary' },
      h('h1', {}, `${tenant.name} · ${periodLabel(period)}`),
      h('p', { class: 'muted' }, inScope ? `地区代码 ${code}` : `地区代码 ${code} · 不在本账号权限范围内：仅显示公开榜单中的指标`),
    ),
    indicators,
    trends,
    cases,
    batches,
  );

  await Promise.all([
    renderIndicators(indicators, code, period, inScope),
    renderTrends(trends, tenant, period, group, inScope, ctx),
    renderCases(cases, code, period, inScope, params.get('case') ? { case_id: params.get('case') } : {}),
    renderBatches(batches, code, inScope),
  ]);
}

async function renderIndicators(el, code, period, inScope) {
  if (!inScope) {
    fill(el, h('h2', {}, '指标与异常件'), notice('warn', '无权查看该地区的指标明细（仅限本地区及下辖地区）。'));
    return;
  }
  try {
    const m = await api(`/metrics?period=${encodeURIComponent(period)}&tenant=${code}`);
    const defs = new Map(((await cached('/indicators').catch(() => ({ rows: [] }))).rows).map((d) => [d.code, d]));
    const targets = m.targets || {};
    fill(
      el,
      h('h2', {}, '指标与异常件'),
      h(
        'div',
        { class: 'tiles' },
        h('div', { class: 'tile' }, h('span', { class: 'k' }, INDICATORS.received), h('span', { class: 'v' }, num(m.received))),
        h('div', { class: 'tile' }, h('span', { class: 'k' }, INDICATORS.closed), h('span', { class: 'v' }, num(m.closed))),
        RATES.map((r) =>
          h('div', { class: 'tile', dataset: { rate: r, met: targets[r] ? String(targets[r].met) : undefined } }, h('span', { class: 'k' }, RATE_LABELS[r]), h('span', { class: 'v' }, pct(m[r])), targetLine(defs.get(r), targets[r])),
        ),
      ),
      customTiles(m, defs, targets),
      h(
        'div',
        { class: 'tiles anomalies' },
        ANOMALIES.map(([k, label]) =>
          h('div', { class: `tile anomaly${m[k] > 0 ? ' warn' : ''}`, dataset: { anomaly: k } }, h('span', { class: 'k' }, label), h('span', { class: 'v' }, num(m[k]))),
        ),
      ),
    );
  } catch (error) {
    fill(el, h('h2', {}, '指标与异常件'), notice('error', explain(error)));
  }
}

async function renderTrends(el, tenant, period, group, inScope, ctx) {
  const periods = lastPeriods(period, 12);
  const title = h('h2', {}, `近 12 期趋势${group ? `（对比${groupLabel(group)}中位数）` : ''}`);
  let own;
  let med;
  let failed = 0;
  if (group) {
    const answers = await pooled(
      periods.map((p) => () => cached(`/rankings?period=${encodeURIComponent(p)}&group=${encodeURIComponent(group)}&scheme=standard`)),
      4,
    );
    failed = answers.filter((a) => !a.ok).length;
    own = RATES.map((rate) =>
      answers.map((a) => {
        const row = a.ok && a.value.rows.find((r) => r.tenant === tenant.code);
        return row && row.rates[rate] ? row.rates[rate].value : null;
      }),
    );
    med = RATES.map((rate) =>
      answers.map((a) => (a.ok ? medianOf(a.value.rows.filter((r) => r.eligible).map((r) => r.rates[rate] && r.rates[rate].value)) : null)),
    );
  } else {
    // the province: its own figures, no peer group
    const answers = await pooled(periods.map((p) => () => api(`/metrics?period=${encodeURIComponent(p)}&tenant=${tenant.code}`)), 4);
    failed = answers.filter((a) => !a.ok).length;
    own = RATES.map((rate) => answers.map((a) => (a.ok ? a.value[rate] : null)));
    med = RATES.map(() => periods.map(() => null));
  }
  const defined = inScope ? await definedTrends(tenant, periods, group, ctx) : { series: [], failed: 0 };
  failed += defined.failed;
  const grid = h('div', { class: 'trend-grid' });
  fill(
    el,
    title,
    failed ? notice('warn', `有 ${failed} 期数据未能加载。`) : null,
    grid,
    defined.note ? h('p', { class: 'muted small', id: 'trends-note' }, defined.note) : null,
  );
  const series = [
    ...RATES.map((rate, i) => ({ dataset: { rate }, title: RATE_LABELS[rate], own: own[i], median: med[i], unit: 'rate', medianName: group ? '组中位数' : null })),
    ...defined.series,
  ];
  for (const s of series) {
    const box = h('div', { class: 'chart trend', dataset: { ...s.dataset, own: JSON.stringify(s.own), median: JSON.stringify(s.median) } });
    grid.append(box);
    trendChart(box, { title: s.title, periods: periods.map(shortLabel), own: s.own, median: s.median, unit: s.unit, ownName: tenant.name, medianName: s.medianName });
  }
}

/**
 * 8+X: the trend of every defined indicator of the tenant's view (the `indicators` of its /metrics
 * rows); the group's median from /metrics?level= when the key sees every member of the group (a
 * province key), else the tenant's own line only.
 */
async function definedTrends(tenant, periods, group, ctx) {
  const metricsOf = (p, q) => () => api(`/metrics?period=${encodeURIComponent(p)}&${q}`);
  const mine = await pooled(periods.map((p) => metricsOf(p, `tenant=${tenant.code}`)), 4);
  let failed = mine.filter((a) => !a.ok).length;
  const codes = [...new Set(mine.flatMap((a) => (a.ok ? Object.keys(a.value.indicators || {}) : [])))];
  if (!codes.length) return { series: [], failed };
  const members = group ? ctx.tenants.filter((t) => t.groups.includes(group)) : [];
  const seesGroup = members.length > 0 && members.every((t) => ctx.scope.has(t.code));
  let peers = null;
  if (seesGroup) {
    const level = members[0].level;
    peers = await pooled(periods.map((p) => metricsOf(p, `level=${level}`)), 4);
    failed += peers.filter((a) => !a.ok).length;
  }
  const inGroup = new Set(members.map((t) => t.code));
  const defs = new Map(((await cached('/indicators').catch(() => ({ rows: [] }))).rows).map((d) => [d.code, d]));
  const valueOf = (v) => (v && v.value !== null && v.value !== undefined ? Number(v.value) : null);
  const series = codes.map((code) => {
    const d = defs.get(code) || { code, name: code, kind: 'reported' };
    const own = mine.map((a) => (a.ok && a.value.indicators ? valueOf(a.value.indicators[code]) : null));
    const median = peers
      ? peers.map((a) => (a.ok ? medianOf(a.value.rows.filter((r) => inGroup.has(r.tenant)).map((r) => valueOf((r.indicators || {})[code]))) : null))
      : periods.map(() => null);
    const ratio = mine.some((a) => a.ok && a.value.indicators && a.value.indicators[code] && a.value.indicators[code].numerator !== null && a.value.indicators[code].numerator !== undefined);
    const unit = d.kind === 'case_mean_days' ? 'days' : d.kind === 'case_ratio' || ratio ? 'rate' : 'value';
    return { dataset: { indicator: code }, title: d.name || code, own, median, unit, medianName: peers ? '组中位数' : null };
  });
  const note = group && !seesGroup ? '8+X 指标的组中位数需查看全组各地区的指标，本账号仅显示本地区的趋势。' : null;
  return { series, failed, note };
}

function caseFlags(c) {
  const flags = [];
  if (c.overdue) flags.push(['overdue', '超期']);
  if (c.recurrence) flags.push(['recurrence', '重发']);
  if (c.leader_instructed) flags.push(['leader', '领导批示']);
  if (c.reassigned_count > 0) flags.push(['reassigned', `二次交办×${c.reassigned_count}`]);
  if (c.escalation_level && c.escalation_level !== 'county') flags.push(['escalated', c.escalation_level === 'province' ? '省级' : '市级']);
  if (c.satisfaction === 'dissatisfied' || c.satisfaction === 'very_dissatisfied') flags.push(['dissatisfied', '不满意']);
  return flags.map(([k, label]) => h('span', { class: `flag flag-${k}` }, label));
}

async function renderCases(el, code, period, inScope, filters) {
  const head = h('h2', {}, '问题件明细');
  if (!inScope) {
    fill(el, head, notice('warn', '无权查看该地区的问题件：只能查看本地区及下辖地区的问题件。', { id: 'cases-forbidden' }));
    return;
  }
  const status = select([['', '全部状态'], ...Object.entries(STATUS_LABELS).filter(([k]) => k !== 'withdrawn')], filters.status || '', { name: 'status' });
  const category = select([['', '全部类别'], ...Object.entries(CATEGORY_LABELS)], filters.category || '', { name: 'category' });
  const overdue = h('input', { type: 'checkbox', name: 'overdue', checked: !!filters.overdue });
  // Changing a filter leaves the one case opened from a flag's evidence for the whole list.
  const apply = (change) => renderCases(el, code, period, inScope, { ...filters, case_id: undefined, offset: 0, ...change });
  status.addEventListener('change', () => apply({ status: status.value }));
  category.addEventListener('change', () => apply({ category: category.value }));
  overdue.addEventListener('change', () => apply({ overdue: overdue.checked }));
  const bar = h(
    'div',
    { class: 'filters' },
    field('状态', status),
    field('类别', category),
    h('label', { class: 'check' }, overdue, '仅看超期'),
  );
  const body = h('div', {}, spinner());
  fill(el, h('div', { class: 'card-head' }, head, bar), body);

  const offset = filters.offset || 0;
  const q = new URLSearchParams({ tenant: code, period, limit: PAGE, offset });
  if (filters.status) q.set('status', filters.status);
  if (filters.category) q.set('category', filters.category);
  if (filters.overdue) q.set('overdue', 'true');
  if (filters.case_id) q.set('case_id', filters.case_id);
  let page;
  try {
    page = await api(`/cases?${q}`);
  } catch (error) {
    fill(body, notice(error.notOpen ? 'closed' : 'error', error.notOpen ? '问题件明细暂未开放。' : explain(error)));
    return;
  }
  const rows = page.rows.map((c) =>
    h(
      'tr',
      { dataset: { tenant: c.tenant, case: c.case_id } },
      h('td', { class: 'mono' }, c.case_id),
      h('td', { class: 'nowrap' }, time(c.received_at)),
      h('td', {}, c.enterprise_name || '—', h('div', { class: 'muted small mono' }, c.enterprise_uscc)),
      h('td', {}, CHANNEL_LABELS[c.channel] || c.channel),
      h('td', {}, CATEGORY_LABELS[c.category] || c.category),
      h('td', {}, h('span', { class: `status status-${c.status}` }, STATUS_LABELS[c.status] || c.status)),
      h('td', { class: 'nowrap' }, time(c.deadline), c.deadline_derived ? h('div', { class: 'muted small' }, '按15个工作日推算') : null),
      h('td', { class: 'nowrap' }, time(c.closed_at)),
      h('td', {}, SATISFACTION_LABELS[c.satisfaction] || '—'),
      h('td', { class: 'flags' }, caseFlags(c)),
      h('td', { class: 'desc' }, c.description || ''),
    ),
  );
  const from = page.total ? offset + 1 : 0;
  const to = offset + page.rows.length;
  const prev = h('button', { type: 'button', disabled: offset === 0 }, '上一页');
  const next = h('button', { type: 'button', disabled: to >= page.total }, '下一页');
  prev.addEventListener('click', () => renderCases(el, code, period, inScope, { ...filters, offset: Math.max(0, offset - PAGE) }));
  next.addEventListener('click', () => renderCases(el, code, period, inScope, { ...filters, offset: offset + PAGE }));
  fill(
    body,
    dataTable(
      { class: 'cases', id: 'cases-table', dataset: { total: page.total } },
      ['编号', '受理时间', '企业', '渠道', '类别', '状态', '办理时限', '办结时间', '满意度', '标记', '描述'],
      rows.length ? rows : h('tr', {}, h('td', { colspan: 11, class: 'empty' }, '没有符合条件的问题件。')),
    ),
    h('div', { class: 'pager' }, h('span', { class: 'muted', id: 'cases-count' }, `共 ${page.total} 件，第 ${from}–${to} 件`), prev, next),
  );
}

async function renderBatches(el, code, inScope) {
  const head = h('h2', {}, '最近上报记录');
  if (!inScope) {
    fill(el, head, notice('warn', '无权查看该地区的上报记录。'));
    return;
  }
  fill(el, head, spinner());
  let list;
  try {
    list = await api(`/batches?tenant=${code}&limit=20`);
  } catch (error) {
    fill(el, head, notice(error.notOpen ? 'closed' : 'error', error.notOpen ? '上报记录查询暂未开放。' : explain(error)));
    return;
  }
  if (!list.rows.length) {
    fill(el, head, notice('info', '暂无上报记录。'));
    return;
  }
  fill(el, head, h('div', { class: 'batches' }, list.rows.map(batchItem)));
}

export function batchItem(b) {
  const summary = h(
    'summary',
    {},
    h('span', { class: 'nowrap' }, time(b.received_at)),
    h('span', { class: 'muted' }, ` ${FORMAT_LABELS[b.format] || b.format || ''} · ${b.tenant}`),
    h('span', { class: 'counts' }, h('span', { class: 'ok' }, `接收 ${b.accepted}`), h('span', {}, `重复 ${b.ignored}`), h('span', { class: b.rejected ? 'bad' : '' }, `拒收 ${b.rejected}`)),
  );
  const errors = b.errors || [];
  return h(
    'details',
    { class: 'batch', dataset: { batch: b.batch_id } },
    summary,
    h('p', { class: 'muted small mono' }, `批次 ${b.batch_id}`),
    errors.length ? errorTable(errors) : h('p', { class: 'muted small' }, '没有错误。'),
    b.errors_truncated ? h('p', { class: 'muted small' }, '仅显示前 100 条错误。') : null,
  );
}

/** Row errors of a batch as a table (also used by the upload view). */
export function errorTable(errors, id) {
  return dataTable(
    { class: 'errors', id },
    ['行号', '问题件编号', '字段', '问题'],
    errors.map((e) =>
      h(
        'tr',
        { dataset: { row: e.row } },
        h('td', { class: 'row-no' }, e.row ?? '—'),
        h('td', { class: 'mono' }, e.case_id || '—'),
        h('td', { class: 'field-name' }, e.field ? `${FIELD_LABELS[e.field] || e.field}` : '—', e.field && FIELD_LABELS[e.field] ? h('div', { class: 'muted small mono' }, e.field) : null),
        h('td', { class: 'message', title: e.message, dataset: { code: e.code || '' } }, errorText(e)),
      ),
    ),
  );
}

/** 8+X: a tile for every defined indicator of the metrics row, with its target and whether it is met. */
function customTiles(m, defs, targets) {
  const codes = Object.keys(m.indicators || {});
  if (!codes.length) return null;
  return [
    h('h3', {}, '8+X 指标'),
    h(
      'div',
      { class: 'tiles custom', id: 'custom-indicators' },
      codes.map((c) => {
        const d = defs.get(c) || { code: c, name: c, kind: 'reported' };
        const v = m.indicators[c];
        const ratio = v.numerator !== undefined && v.numerator !== null;
        const shown =
          v.value === null || v.value === undefined
            ? '—'
            : d.kind === 'case_mean_days'
              ? `${Number(v.value).toFixed(2)}天`
              : ratio
                ? pct(v.value)
                : Number(v.value).toLocaleString('zh-CN', { maximumFractionDigits: 4 });
        const detail = d.kind === 'case_mean_days' ? `${num(v.cases)} 件` : ratio ? `${num(v.numerator)}/${num(v.denominator)}` : '';
        return h(
          'div',
          { class: 'tile', dataset: { indicator: c, met: targets[c] ? String(targets[c].met) : undefined } },
          h('span', { class: 'k' }, d.name),
          h('span', { class: 'v' }, shown),
          detail ? h('span', { class: 'muted small' }, detail) : null,
          targetLine(d, targets[c]),
        );
      }),
    ),
  ];
}

function targetLine(d, target) {
  if (!d || !target) return null;
  const sign = d.direction === 'lower_better' ? '≤' : '≥';
  const value = d.kind === 'case_mean_days' ? `${target.target}天` : d.kind === 'case_ratio' ? pct(Number(target.target)) : String(target.target);
  return h('span', { class: 'target-line small' }, `目标 ${sign} ${value} `, targetBadge(target));
}
