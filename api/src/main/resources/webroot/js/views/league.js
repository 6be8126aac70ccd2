// 晾晒榜单: a peer group's scored league table for a period, the funnel plot, exports.
import { cached, explain } from '../api.js';
import { h, fill, field, notice, select, spinner, download } from '../dom.js';
import { RATES, RATE_LABELS, groupLabel, ineligibleReason, pct, score } from '../labels.js';
import { label as periodLabel } from '../periods.js';
import { customCodes, exportTable, funnelLegend, groupOptions, indicatorNames, leagueTable, periodPicker } from '../widgets.js';
import { funnelPlot } from '../charts.js';
import { csvBlob, xlsxBlob } from '../export.js';
import { flagsByTenant, markFlags } from '../flagmarks.js';

let sort = { key: 'rank', dir: 'asc' };
let funnelRate = 'resolution_rate';

export async function render(root, ctx, { params }) {
  const period = params.get('period') || ctx.latest;
  const group = params.get('group') || (ctx.me.level === 'city' ? 'cities' : 'counties');
  const scheme = params.get('scheme') || 'standard';
  const go = (change) => ctx.go('league', null, { period, group, scheme, ...change });

  const schemes = await cached('/schemes').catch(() => ({ rows: [{ id: 'standard', name: '标准方案' }] }));
  const schemeOptions = schemes.rows
    .filter((s) => s.current_version !== null || s.id === scheme)
    .map((s) => [s.id, s.name || s.id]);
  const groupSelect = select(groupOptions(ctx, groupLabel), group, { name: 'group' });
  groupSelect.addEventListener('change', () => go({ group: groupSelect.value }));
  const schemeSelect = select(schemeOptions, scheme, { name: 'scheme' });
  schemeSelect.addEventListener('change', () => go({ scheme: schemeSelect.value }));
  const csvButton = h('button', { type: 'button', id: 'export-csv', disabled: true }, '导出 CSV');
  const xlsxButton = h('button', { type: 'button', id: 'export-xlsx', disabled: true }, '导出 Excel');

  const body = h('div', {}, spinner('正在加载榜单…'));
  root.append(
    h(
      'div',
      { class: 'toolbar' },
      periodPicker(period, (p) => go({ period: p })),
      field('评价组', groupSelect),
      field('评价方案', schemeSelect),
      h('div', { class: 'actions' }, csvButton, xlsxButton),
    ),
    body,
  );

  let table;
  try {
    table = await cached(`/rankings?period=${encodeURIComponent(period)}&group=${encodeURIComponent(group)}&scheme=${encodeURIComponent(scheme)}`);
  } catch (error) {
    fill(body, notice('error', explain(error)));
    return;
  }
  const names = await indicatorNames();
  const fileBase = `晾晒榜单_${period}_${group}_${table.scheme.id}`;
  csvButton.disabled = false;
  xlsxButton.disabled = false;
  csvButton.addEventListener('click', () => download(csvBlob(exportTable(table, sort, names)), `${fileBase}.csv`));
  xlsxButton.addEventListener('click', () => download(xlsxBlob(exportTable(table, sort, names), '晾晒榜单'), `${fileBase}.xlsx`));

  const eligible = table.rows.filter((r) => r.eligible).length;
  const linkTo = (r) => `#/tenant/${r.tenant}?period=${encodeURIComponent(period)}&group=${encodeURIComponent(group)}`;
  const summary = h(
    'div',
    { class: 'summary' },
    h('h1', {}, `${periodLabel(period)} · ${groupLabel(group)} · `, h('span', { class: 'nowrap' }, `${table.scheme.name}（第 ${table.scheme.version} 版）`)),
    h(
      'p',
      { class: 'muted' },
      `参评 ${eligible} 个 / 共 ${table.rows.length} 个地区`,
      table.previous_period ? ` · 升降对比 ${periodLabel(table.previous_period)}` : '',
    ),
    h(
      'dl',
      { class: 'pooled' },
      RATES.map((rate) => [h('dt', {}, `全组${RATE_LABELS[rate]}`), h('dd', {}, pct(table.pooled_rates ? table.pooled_rates[rate] : null))]),
      customCodes(table)
        .filter((code) => table.pooled_rates && table.pooled_rates[code] !== undefined)
        .map((code) => [h('dt', {}, `全组${names[code] || code}`), h('dd', {}, pct(table.pooled_rates[code]))]),
    ),
  );
  // 目标达成: for each of the scheme's indicators with a target, how many rows are below it
  const targetCodes = [...new Set(table.rows.flatMap((r) => Object.keys(r.targets || {})))];
  if (targetCodes.length) {
    summary.append(
      h(
        'ul',
        { class: 'targets', id: 'league-targets' },
        targetCodes.map((code) => {
          const judged = table.rows.filter((r) => r.targets[code] && r.targets[code].met !== null);
          const below = judged.filter((r) => r.targets[code].met === false);
          return h(
            'li',
            { dataset: { code, below: below.length } },
            `${names[code] || RATE_LABELS[code] || code}：目标值 ${targetShown(table, code)}，`,
            h('strong', {}, `${below.length} 个地区未达标`),
            ` / ${judged.length} 个有数据`,
          );
        }),
      ),
    );
  }

  const mine = table.rows.find((r) => r.tenant === ctx.me.code);
  if (mine) {
    const where = mine.eligible
      ? [`第 ${mine.rank} 名 / ${eligible}`, ` · 得分 ${score(mine.score)}`, mine.rank_change ? ` · 较上期${mine.rank_change > 0 ? '上升' : '下降'} ${Math.abs(mine.rank_change)} 位` : '']
      : [ineligibleReason(mine.ineligible_reason)];
    summary.append(h('p', { class: 'mine', id: 'my-rank' }, h('a', { href: linkTo(mine) }, mine.name), '：', ...where));
  }
  const chartEl = h('div', { class: 'chart funnel', id: 'funnel-chart' });
  const rateSelect = select(RATES.map((r) => [r, RATE_LABELS[r]]), funnelRate, { name: 'funnel-rate' });
  const funnelCard = h(
    'section',
    { class: 'card', id: 'funnel' },
    h(
      'div',
      { class: 'card-head' },
      h('h2', {}, '漏斗图'),
      field('指标', rateSelect),
    ),
    h('p', { class: 'muted small' }, '各地区指标值对其样本量作图；虚线为全组合并率的 95% 控制限，点线为 99.8% 控制限。点击圆点查看该地区。'),
    chartEl,
    funnelLegend(),
  );
  const tableCard = h('section', { class: 'card', id: 'league' });
  const flags = await flagsByTenant(period);
  const drawTable = () => {
    fill(
      tableCard,
      h('div', { class: 'card-head' }, h('h2', {}, '排名'), funnelLegend()),
      h('p', { class: 'muted small' }, '点击表头排序；指标值右侧小字为 95% 置信区间（Wilson 法，单位 %）；底色为漏斗判定。'),
      leagueTable(table, sort, {
        onSort: (s) => {
          sort = s;
          drawTable();
        },
        linkTo,
        own: ctx.me.code,
        names,
      }),
    );
    markFlags(tableCard, flags, period);
  };
  drawTable();
  fill(body, summary, h('div', { class: 'league-layout' }, tableCard, funnelCard));
  const draw = () => funnelPlot(chartEl, table, funnelRate, (code) => (location.hash = linkTo({ tenant: code })));
  rateSelect.addEventListener('change', () => {
    funnelRate = rateSelect.value;
    draw();
  });
  draw();
}

/** A target as the table shows its indicator: a rate in percent, else the number. */
function targetShown(table, code) {
  const target = Number(table.rows.find((r) => r.targets[code]).targets[code].target);
  const ratio = RATES.includes(code) || table.rows.some((r) => r.rates[code] && r.rates[code].numerator !== undefined);
  return ratio ? pct(target) : String(target);
}
