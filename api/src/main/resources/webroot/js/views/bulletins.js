// 晾晒通报: the published bulletins (PDF), and for the province office a preview of the league
// table under adjustable weights, then publishing.
import { api, blob, cached, explain } from '../api.js';
import { h, fill, field, notice, select, spinner, download } from '../dom.js';
import { RATE_LABELS, groupLabel, time } from '../labels.js';
import { label as periodLabel } from '../periods.js';
import { groupOptions, leagueTable, periodPicker } from '../widgets.js';

export async function render(root, ctx, { params }) {
  const list = h('section', { class: 'card', id: 'bulletin-list' }, h('h2', {}, '已发布的通报'), spinner());
  root.append(
    h('div', { class: 'summary' }, h('h1', {}, '晾晒通报'), h('p', { class: 'muted' }, '省委改革办定期发布的晾晒评价通报（PDF）。')),
    list,
  );
  const open = await renderList(list);
  if (ctx.me.province) {
    const publish = h('section', { class: 'card', id: 'bulletin-publish' });
    root.append(publish);
    await renderPublish(publish, ctx, params, open, () => renderList(list));
  }
}

/** Lists the bulletins; returns whether the bulletin routes exist on this server. */
async function renderList(el) {
  const head = h('h2', {}, '已发布的通报');
  let answer;
  try {
    answer = await api('/bulletins');
  } catch (error) {
    fill(el, head, notice(error.notOpen ? 'closed' : 'error', error.notOpen ? '晾晒通报功能暂未开放：服务器尚未提供通报接口。' : explain(error), { id: 'bulletins-closed' }));
    return !error.notOpen;
  }
  const rows = answer.rows || [];
  if (!rows.length) {
    fill(el, head, notice('info', '暂无已发布的通报。'));
    return true;
  }
  fill(
    el,
    head,
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'bulletins', id: 'bulletins-table' },
        h('thead', {}, h('tr', {}, ['通报', '周期', '评价组', '方案', '发布时间', ''].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, rows.map(bulletinRow)),
      ),
    ),
  );
  return true;
}

function bulletinRow(b) {
  const id = b.id || b.bulletin_id;
  const scheme = typeof b.scheme === 'object' && b.scheme ? `${b.scheme.name || b.scheme.id}${b.scheme.version ? ` v${b.scheme.version}` : ''}` : b.scheme || '—';
  const openButton = h('button', { type: 'button', class: 'primary small' }, '打开 PDF');
  const message = h('span', { class: 'muted small' });
  openButton.addEventListener('click', async () => {
    const win = window.open('', '_blank');
    try {
      const pdf = await blob(`/bulletins/${encodeURIComponent(id)}.pdf`);
      const url = URL.createObjectURL(pdf);
      if (win) win.location.href = url;
      else download(pdf, `晾晒通报_${id}.pdf`);
    } catch (error) {
      if (win) win.close();
      message.textContent = explain(error);
    }
  });
  return h(
    'tr',
    { dataset: { bulletin: id } },
    h('td', {}, b.title || `晾晒通报 ${id}`),
    h('td', {}, b.period ? periodLabel(b.period) : '—'),
    h('td', {}, b.group ? groupLabel(b.group) : '—'),
    h('td', {}, scheme),
    h('td', { class: 'nowrap' }, time(b.published_at || b.created_at)),
    h('td', {}, openButton, message),
  );
}

async function renderPublish(el, ctx, params, bulletinsOpen, refresh) {
  let period = params.get('period') || ctx.latest;
  const schemes = await cached('/schemes');
  const active = schemes.rows.filter((s) => s.current_version !== null);
  const groupSelect = select(groupOptions(ctx, groupLabel), 'counties', { name: 'group' });
  const schemeSelect = select(active.map((s) => [s.id, s.name]), 'standard', { name: 'scheme' });
  const periodHolder = h('span');
  const drawPeriod = () => fill(periodHolder, periodPicker(period, (p) => {
    period = p;
    drawPeriod();
  }));
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
        field(`${RATE_LABELS[i.rate]}权重`, h('input', { type: 'number', min: 0, step: 0.05, value: i.weight, name: `w-${i.rate}`, dataset: { rate: i.rate } })),
      ),
    );
  drawWeights();
  schemeSelect.addEventListener('change', drawWeights);
  const previewButton = h('button', { type: 'button', id: 'preview-button' }, '预览榜单');
  const publishButton = h('button', { type: 'button', class: 'primary', id: 'publish-button', disabled: !bulletinsOpen }, '发布通报');
  const out = h('div', { id: 'preview-out' });
  fill(
    el,
    h('h2', {}, '预览与发布（省委改革办）'),
    h('p', { class: 'muted small' }, '预览可临时调整权重，不保存方案；发布时按所选方案的当前版本生成通报。'),
    h('div', { class: 'toolbar inner' }, periodHolder, field('评价组', groupSelect), field('评价方案', schemeSelect)),
    weights,
    h('div', { class: 'actions' }, previewButton, publishButton, bulletinsOpen ? null : h('span', { class: 'muted small' }, '通报接口暂未开放，暂不能发布。')),
    out,
  );

  previewButton.addEventListener('click', async () => {
    const v = currentVersion();
    const indicators = v.indicators.map((i) => {
      const input = weights.querySelector(`input[data-rate="${i.rate}"]`);
      return { ...i, weight: Number(input.value) };
    });
    const scheme = { name: `${v.name}（预览）`, minimum_volume: v.minimum_volume, normalisation: v.normalisation, indicators };
    fill(out, spinner('正在计算预览…'));
    try {
      const table = await api('/rankings/preview', { method: 'POST', body: { period, group: groupSelect.value, scheme } });
      fill(
        out,
        h('h3', {}, `预览：${periodLabel(period)} · ${groupLabel(groupSelect.value)} · ${indicators.map((i) => `${RATE_LABELS[i.rate]} ${i.weight}`).join('，')}`),
        leagueTable(table, { key: 'rank', dir: 'asc' }),
      );
    } catch (error) {
      fill(out, notice('error', explain(error)));
    }
  });
  publishButton.addEventListener('click', async () => {
    const what = `${periodLabel(period)} · ${groupLabel(groupSelect.value)} · ${schemeSelect.selectedOptions[0].textContent}`;
    if (!window.confirm(`确认发布晾晒通报：${what}？发布后各地区均可查看。`)) return;
    publishButton.disabled = true;
    try {
      const answer = await api('/bulletins', { method: 'POST', body: { period, group: groupSelect.value, scheme: schemeSelect.value } });
      fill(out, notice('info', `已发布通报 ${answer.id || answer.bulletin_id || ''}：${what}`, { id: 'published' }));
      await refresh();
    } catch (error) {
      fill(out, notice(error.notOpen ? 'closed' : 'error', error.notOpen ? '通报发布暂未开放。' : explain(error)));
    } finally {
      publishButton.disabled = false;
    }
  });
}
