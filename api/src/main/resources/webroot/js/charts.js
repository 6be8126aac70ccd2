// Charts with Apache ECharts, served from the classpath jar (org.mvnpm:echarts) at /vendor/ — no CDN.
import * as echarts from '/vendor/echarts/6.0.0/dist/echarts.esm.min.js';
import { FUNNEL_LABELS, HIGHER_BETTER, RATE_LABELS, DENOMINATOR_LABELS, pct } from './labels.js';

export const FUNNEL_COLOURS = { above: '#2e7d32', within: '#607d8b', below: '#ef8f00', alarm: '#c62828' };

const FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
const live = new Set();
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One chart per element; resized with the window, disposed when its element leaves the page. */
function chartOn(el) {
  const existing = echarts.getInstanceByDom(el);
  if (existing) return existing;
  const chart = echarts.init(el, null, { renderer: 'canvas' });
  live.add(chart);
  return chart;
}

window.addEventListener('resize', () => {
  for (const c of live) {
    if (c.isDisposed() || !document.body.contains(c.getDom())) {
      if (!c.isDisposed()) c.dispose();
      live.delete(c);
    } else c.resize();
  }
});

/** The 95% and 99.8% funnel limits around p0 for volumes up to maxN, as [n, y] lines. */
function limits(p0, minN, maxN, z) {
  const lo = [];
  const hi = [];
  const from = Math.max(1, Math.floor(minN * 0.8));
  const to = Math.ceil(maxN * 1.05);
  const steps = 80;
  for (let i = 0; i <= steps; i++) {
    const n = Math.round(from * Math.pow(to / from, i / steps));
    const se = Math.sqrt((p0 * (1 - p0)) / n);
    lo.push([n, Math.max(0, p0 - z * se)]);
    hi.push([n, Math.min(1, p0 + z * se)]);
  }
  return { lo, hi };
}

/**
 * The funnel plot: each eligible tenant's rate against its denominator, coloured by the API's
 * funnel signal, with the 95% (z = 1.96) and 99.8% (z = 3.09) limits around the pooled rate p0.
 */
export function funnelPlot(el, table, rate, onPick) {
  const points = table.rows
    .filter((r) => r.eligible && r.rates[rate] && r.rates[rate].value !== null)
    .map((r) => ({
      value: [r.rates[rate].denominator, r.rates[rate].value],
      name: r.name,
      tenant: r.tenant,
      signal: r.rates[rate].funnel || 'within',
      itemStyle: { color: FUNNEL_COLOURS[r.rates[rate].funnel] || FUNNEL_COLOURS.within },
    }));
  const p0 = table.pooled_rates ? table.pooled_rates[rate] : null;
  const chart = chartOn(el);
  const narrow = el.clientWidth < 520;
  if (!points.length || p0 === null || p0 === undefined) {
    chart.clear();
    chart.setOption({ title: { text: '本期无可绘制的数据', left: 'center', top: 'middle', textStyle: { fontFamily: FONT, color: '#888', fontSize: 14 } } });
    return chart;
  }
  const ns = points.map((p) => p.value[0]);
  const l95 = limits(p0, Math.min(...ns), Math.max(...ns), 1.96);
  const l998 = limits(p0, Math.min(...ns), Math.max(...ns), 3.09);
  const ys = points.map((p) => p.value[1]).concat(l998.lo.map((x) => x[1]), l998.hi.map((x) => x[1]));
  const yMin = Math.max(0, Math.floor(Math.min(...ys) * 10) / 10);
  const yMax = Math.min(1, Math.ceil(Math.max(...ys) * 10) / 10);
  const xMax = Math.ceil(Math.max(...ns) * 1.05);
  const line = (name, data, color, type) => ({
    name,
    type: 'line',
    data,
    showSymbol: false,
    smooth: true,
    silent: true,
    lineStyle: { color, type, width: 1.5 },
    itemStyle: { color },
  });
  const better = HIGHER_BETTER[rate] ? '越高越好' : '越低越好';
  chart.setOption(
    {
      textStyle: { fontFamily: FONT },
      animation: false,
      grid: { left: narrow ? 44 : 56, right: 16, top: narrow ? 56 : 40, bottom: 44 },
      legend: {
        top: 0,
        itemWidth: 18,
        textStyle: { fontSize: narrow ? 11 : 12 },
        data: ['各地区', '全组合并率 p₀', '95% 控制限', '99.8% 控制限'],
      },
      tooltip: {
        trigger: 'item',
        formatter: (p) =>
          p.seriesName === '各地区'
            ? `${esc(p.data.name)}<br/>${RATE_LABELS[rate]} ${pct(p.data.value[1])}<br/>${DENOMINATOR_LABELS[rate]} ${p.data.value[0]}<br/>${FUNNEL_LABELS[p.data.signal]}`
            : '',
      },
      xAxis: {
        type: 'value',
        name: DENOMINATOR_LABELS[rate],
        nameLocation: 'middle',
        nameGap: 26,
        min: 0,
        max: xMax,
        splitLine: { lineStyle: { color: '#eee' } },
      },
      yAxis: {
        type: 'value',
        name: `${RATE_LABELS[rate]}（${better}）`,
        nameTextStyle: { align: 'left' },
        min: yMin,
        max: yMax,
        axisLabel: { formatter: (v) => `${Math.round(v * 100)}%` },
        splitLine: { lineStyle: { color: '#eee' } },
      },
      series: [
        {
          name: '各地区',
          type: 'scatter',
          data: points,
          symbolSize: narrow ? 7 : 9,
          itemStyle: { color: FUNNEL_COLOURS.within, borderColor: '#fff', borderWidth: 0.5 },
          emphasis: { scale: 1.6 },
          z: 5,
        },
        line('全组合并率 p₀', [[Math.max(1, Math.floor(Math.min(...ns) * 0.8)), p0], [Math.ceil(Math.max(...ns) * 1.05), p0]], '#37474f', 'solid'),
        line('95% 控制限', l95.lo, '#ef8f00', 'dashed'),
        { ...line('95% 控制限', l95.hi, '#ef8f00', 'dashed') },
        line('99.8% 控制限', l998.lo, '#c62828', 'dotted'),
        { ...line('99.8% 控制限', l998.hi, '#c62828', 'dotted') },
      ],
    },
    true,
  );
  chart.off('click');
  if (onPick) chart.on('click', (p) => p.seriesName === '各地区' && onPick(p.data.tenant));
  return chart;
}

/** A trend: the tenant's rate and the group median (when medianName is given) over periods; nulls leave gaps. */
export function trendChart(el, { title, periods, own, median, ownName, medianName, unit = 'rate' }) {
  const chart = chartOn(el);
  const values = own.concat(median).filter((v) => v !== null && v !== undefined);
  const rate = unit === 'rate';
  // a rate on 0–1 in steps of 10%; days and bare values on whole numbers around them
  const step = rate ? 10 : 1;
  const lo = values.length ? Math.max(0, Math.floor(Math.min(...values) * step) / step) : 0;
  const top = values.length ? Math.ceil(Math.max(...values) * step) / step : 1;
  const hi = rate ? Math.min(1, top) : top;
  const pad = rate ? 0.1 : 1;
  const shown = (v) => (v === null || v === undefined ? '—' : rate ? pct(v) : unit === 'days' ? `${Number(v).toFixed(2)}天` : Number(v).toLocaleString('zh-CN', { maximumFractionDigits: 4 }));
  chart.setOption(
    {
      textStyle: { fontFamily: FONT },
      animation: false,
      title: { text: title, left: 8, top: 4, textStyle: { fontSize: 14, fontWeight: 600 } },
      legend: { top: 6, right: 8, itemWidth: 16, textStyle: { fontSize: 11 }, data: medianName ? [ownName, medianName] : [ownName] },
      grid: { left: 46, right: 12, top: 40, bottom: 28 },
      tooltip: { trigger: 'axis', valueFormatter: shown },
      xAxis: { type: 'category', data: periods, axisLabel: { fontSize: 10, hideOverlap: true } },
      yAxis: {
        type: 'value',
        min: lo === hi ? Math.max(0, lo - pad) : lo,
        max: lo === hi ? (rate ? Math.min(1, hi + pad) : hi + pad) : hi,
        axisLabel: { formatter: (v) => (rate ? `${Math.round(v * 100)}%` : unit === 'days' ? `${v}天` : `${v}`), fontSize: 10 },
        splitLine: { lineStyle: { color: '#eee' } },
      },
      series: [
        { name: ownName, type: 'line', data: own, connectNulls: false, symbolSize: 6, lineStyle: { width: 2.5 }, itemStyle: { color: '#1f5fa8' } },
        medianName
          ? { name: medianName, type: 'line', data: median, connectNulls: false, symbolSize: 4, lineStyle: { type: 'dashed', width: 1.5 }, itemStyle: { color: '#9e9e9e' } }
          : null,
      ].filter(Boolean),
    },
    true,
  );
  return chart;
}
