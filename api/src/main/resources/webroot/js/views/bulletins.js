// 晾晒通报: the published bulletins (PDF, Excel), and for the province office a preview of the
// league tables under adjustable weights, then publishing (or a correction of a published one).
import { api, blob, cached, explain } from '../api.js';
import { h, dataTable, fill, field, notice, select, spinner, download } from '../dom.js';
import { RATE_LABELS, groupLabel, time } from '../labels.js';
import { label as periodLabel } from '../periods.js';
import { groupOptions, indicatorNames, leagueTable, periodPicker } from '../widgets.js';

const SERIES_LABELS = { monthly: '月度通报', quarterly: '季度通报', annual: '年度通报', weekly: '周通报' };

export async function render(root, ctx, { params }) {
  const list = h('section', { class: 'card', id: 'bulletin-list' }, h('h2', {}, '已发布的通报'), spinner());
  root.append(
    h('div', { class: 'summary' }, h('h1', {}, '晾晒通报'), h('p', { class: 'muted' }, '省委改革办发布的晾晒评价通报。通报发布后不再改动；如有错误，以更正通报替代。')),
    list,
  );
  const schemes = await cached('/schemes').catch(() => ({ rows: [] }));
  const refresh = () => renderList(list, schemes);
  const open = await refresh();
  if (ctx.me.province) {
    const publish = h('section', { class: 'card', id: 'bulletin-publish' });
    root.append(publish);
    renderPublish(publish, ctx, params, schemes, open, refresh);
  }
}

/** "standard@1" → "标准方案（第 1 版）". */
function schemeLabel(ref, schemes) {
  if (!ref) return '—';
  const [id, version] = String(ref).split('@');
  const s = schemes.rows.find((x) => x.id === id);
  return `${s ? s.name : id}${version ? `（第 ${version} 版）` : ''}`;
}

/** Lists the bulletins; returns whether the bulletin routes exist on this server. */
async function renderList(el, schemes) {
  const head = h('h2', {}, '已发布的通报');
  let answer;
  try {
    answer = await api('/bulletins');
  } catch (error) {
    fill(el, head, notice(error.notOpen ? 'closed' : 'error', error.notOpen ? '晾晒通报暂未开放：服务器尚未提供通报接口。' : explain(error), { id: 'bulletins-closed' }));
    return !error.notOpen;
  }
  const rows = answer.rows || [];
  if (!rows.length) {
    fill(el, head, notice('info', '暂无已发布的通报。', { id: 'bulletins-empty' }));
    return true;
  }
  fill(
    el,
    head,
    dataTable(
      { class: 'bulletins', id: 'bulletins-table' },
      ['通报', '周期', '评价组', '评价方案', '发布时间', '文件'],
      rows.map((b) => bulletinRow(b, schemes)),
    ),
  );
  return true;
}

function bulletinRow(b, schemes) {
  const message = h('span', { class: 'muted small' });
  const pdf = h('button', { type: 'button', class: 'primary small', dataset: { open: 'pdf' } }, '打开 PDF');
  const xlsx = h('button', { type: 'button', class: 'small', dataset: { open: 'xlsx' } }, '下载 Excel');
  const links = b.links || {};
  const path = (format) => (links[format] || `/api/v1/bulletins/${b.id}.${format}`).replace(/^\/api\/v1/, '');
  pdf.addEventListener('click', async () => {
    message.textContent = '';
    const win = window.open('', '_blank'); // opened now, while the click still counts as the user's
    try {
      const file = await blob(path('pdf'));
      const url = URL.createObjectURL(new Blob([file], { type: 'application/pdf' }));
      if (win) win.location.href = url;
      else download(file, `晾晒通报_${b.period}_${b.id}.pdf`);
    } catch (error) {
      if (win) win.close();
      message.textContent = explain(error);
    }
  });
  xlsx.addEventListener('click', async () => {
    message.textContent = '';
    try {
      download(await blob(path('xlsx')), `晾晒通报_${b.period}_${b.id}.xlsx`);
    } catch (error) {
      message.textContent = explain(error);
    }
  });
  const title = `${SERIES_LABELS[b.series] || b.series || '通报'}${b.issue_no ? ` 第 ${b.issue_no} 期` : ''}`;
  return h(
    'tr',
    { dataset: { bulletin: b.id } },
    h(
      'td',
      {},
      h('strong', {}, title),
      b.corrects ? h('span', { class: 'flag flag-leader' }, `更正 ${b.corrects}`) : null,
      b.corrected_by && b.corrected_by.length ? h('span', { class: 'flag flag-overdue' }, '已被更正') : null,
      h('div', { class: 'muted small mono' }, b.id),
    ),
    h('td', { class: 'nowrap' }, b.period ? periodLabel(b.period) : '—'),
    h('td', {}, (b.groups || []).map(groupLabel).join('、') || '—'),
    h('td', {}, schemeLabel(b.scheme, schemes)),
    h('td', { class: 'nowrap' }, time(b.created_at)),
    h('td', { class: 'nowrap' }, pdf, ' ', xlsx, message),
  );
}

function renderPublish(el, ctx, params, schemes, bulletinsOpen, refresh) {
  let period = params.get('period') || ctx.latest;
  const active = schemes.rows.filter((s) => s.current_version !== null);
  const groupBoxes = groupOptions(ctx, groupLabel).map(([g, label]) =>
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'group', value: g, checked: true }), label),
  );
  const chosenGroups = () => groupBoxes.map((l) => l.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
  const schemeSelect = select(active.map((s) => [s.id, s.name]), 'standard', { name: 'scheme' });
  const periodHolder = h('span');
  const drawPeriod = () =>
    fill(
      periodHolder,
      periodPicker(period, (p) => {
        period = p;
        drawPeriod();
      }),
    );
  drawPeriod();
  const weights = h('div', { class: 'weights' });
  const currentVersion = () => {
    const s = active.find((x) => x.id === schemeSelect.value);
    return s.versions.find((v) => v.version === s.current_version);
  };
  const drawWeights = () =>
    fill(
      weights,
      currentVersion().indicators.map((i) =>
        field(`${RATE_LABELS[i.rate] || names[i.rate] || i.rate}权重`, h('input', { type: 'number', min: 0, step: 0.05, value: i.weight, name: `w-${i.rate}`, dataset: { rate: i.rate } })),
      ),
    );
  let names = {};
  drawWeights();
  indicatorNames().then((n) => {
    names = n;
    drawWeights();
  });
  schemeSelect.addEventListener('change', drawWeights);
  const previewButton = h('button', { type: 'button', id: 'preview-button' }, '预览榜单');
  const publishButton = h('button', { type: 'button', class: 'primary', id: 'publish-button', disabled: !bulletinsOpen }, '发布通报');
  const out = h('div', { id: 'preview-out' });
  fill(
    el,
    h('h2', {}, '预览与发布（省委改革办）'),
    h('p', { class: 'muted small' }, '预览可临时调整权重，不保存方案；发布时按所选方案的当前版本，冻结各评价组的榜单并生成 PDF 与 Excel。'),
    h('div', { class: 'toolbar inner' }, periodHolder, field('评价方案', schemeSelect)),
    h('div', { class: 'groups' }, h('span', { class: 'muted small' }, '评价组'), groupBoxes),
    weights,
    h('div', { class: 'actions left' }, previewButton, publishButton, bulletinsOpen ? null : h('span', { class: 'muted small' }, '通报接口暂未开放，暂不能发布。')),
    out,
  );

  previewButton.addEventListener('click', async () => {
    const v = currentVersion();
    const indicators = v.indicators.map((i) => ({ ...i, weight: Number(weights.querySelector(`input[data-rate="${i.rate}"]`).value) }));
    const scheme = { name: `${v.name}（预览）`, minimum_volume: v.minimum_volume, normalisation: v.normalisation, indicators };
    const groups = chosenGroups();
    if (!groups.length) {
      fill(out, notice('warn', '请至少选择一个评价组。'));
      return;
    }
    fill(out, spinner('正在计算预览…'));
    try {
      const tables = await Promise.all(groups.map((group) => api('/rankings/preview', { method: 'POST', body: { period, group, scheme } })));
      fill(
        out,
        h('p', { class: 'muted' }, `预览：${periodLabel(period)} · 权重 ${indicators.map((i) => `${RATE_LABELS[i.rate]} ${i.weight}`).join('，')}`),
        tables.map((table, i) => [h('h3', {}, groupLabel(groups[i])), leagueTable(table, { key: 'rank', dir: 'asc' }, { names })]),
      );
    } catch (error) {
      fill(out, notice('error', explain(error)));
    }
  });

  const publish = async (corrects) => {
    const groups = chosenGroups();
    const what = `${periodLabel(period)} · ${groups.map(groupLabel).join('、')} · ${schemeSelect.selectedOptions[0].textContent}`;
    if (!groups.length) {
      fill(out, notice('warn', '请至少选择一个评价组。'));
      return;
    }
    if (!window.confirm(`确认${corrects ? '发布更正通报' : '发布晾晒通报'}：${what}？发布后不可修改，各地区均可查看。`)) return;
    publishButton.disabled = true;
    fill(out, spinner('正在生成通报…'));
    try {
      const body = { period, groups, scheme: schemeSelect.value };
      if (corrects) body.corrects = corrects;
      const b = await api('/bulletins', { method: 'POST', body });
      fill(out, notice('info', `已发布${SERIES_LABELS[b.series] || '通报'} 第 ${b.issue_no} 期（${b.id}）：${what}`, { id: 'published', dataset: { bulletin: b.id } }));
      await refresh();
    } catch (error) {
      if (error.status === 409) {
        const existing = error.body && error.body.existing;
        const again = h('button', { type: 'button', id: 'correct-button' }, '作为更正通报发布');
        again.addEventListener('click', () => publish(existing));
        fill(out, notice('warn', `${periodLabel(period)}已发布过通报${existing ? `（${existing}）` : ''}。如需改正，请发布更正通报。`), existing ? again : null);
      } else {
        fill(out, notice(error.notOpen ? 'closed' : 'error', error.notOpen ? '通报发布暂未开放。' : explain(error)));
      }
    } finally {
      publishButton.disabled = !bulletinsOpen;
    }
  };
  publishButton.addEventListener('click', () => publish(null));
}
