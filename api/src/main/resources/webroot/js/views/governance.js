// 数据质量: for a month, who reported (batches, cases, last upload, silent), who signed the month
// off (on time, revised since, with the counts that moved), and the data-quality flags with a few
// case ids as evidence (SPEC §10). A tenant signs off its own month or a descendant's; a sign-off
// is withdrawn by the tenant that made it.
import { api, explain } from '../api.js';
import { h, dataTable, fill, field, notice, select, spinner } from '../dom.js';
import { INDICATORS, VOCABULARY, num, time } from '../labels.js';
import { choices } from '../periods.js';

const G = VOCABULARY.governance;
const FLAG_LABELS = VOCABULARY.quality_flag;

export async function render(root, ctx, { params }) {
  const month = params.get('period') || ctx.latest;
  const picker = select(choices('month', month), month, { id: 'governance-period' });
  picker.addEventListener('change', () => ctx.go('governance', null, { period: picker.value }));
  const grid = h('section', { class: 'card', id: 'governance-grid' }, h('h2', {}, `${G.reporting}与${G.signoff}`), spinner());
  const flags = h('section', { class: 'card', id: 'governance-flags' }, h('h2', {}, G.flags), spinner());
  root.append(
    h(
      'div',
      { class: 'summary' },
      h('h1', {}, G.data_quality),
      h('p', { class: 'muted' }, `各地区本月的上报、${G.signoff}（第5个工作日前为按时）和${G.flags}。确认后数据如有变动，会标明变动的件数与批次。`),
      field('月份', picker),
    ),
    grid,
    flags,
  );
  const refresh = () => renderGrid(grid, ctx, month, refresh);
  await Promise.all([refresh(), renderFlags(flags, ctx, month)]);
}

async function renderGrid(el, ctx, month, refresh) {
  const head = h('h2', {}, `${G.reporting}与${G.signoff}`);
  let reporting;
  let signoffs;
  try {
    [reporting, signoffs] = await Promise.all([api(`/reporting?period=${month}`), api(`/signoffs?period=${month}`)]);
  } catch (error) {
    fill(el, head, notice('error', explain(error)));
    return;
  }
  const signed = new Map(signoffs.rows.map((r) => [r.tenant, r]));
  const message = h('p', { class: 'notice', id: 'governance-message', hidden: true });
  const rows = reporting.rows.map((r) => {
    const s = signed.get(r.tenant);
    const name = ctx.byCode.get(r.tenant)?.name || r.tenant;
    return h(
      'tr',
      { dataset: { tenant: r.tenant } },
      h('td', {}, name),
      h('td', { class: 'num' }, num(r.cases)),
      h('td', { class: 'num' }, num(r.batches)),
      h('td', {}, time(r.last_upload_at)),
      h('td', { class: r.silent ? 'signal-alarm' : '' }, r.silent ? G.silent : ''),
      h('td', { class: 'signoff-state' }, state(s)),
      h('td', {}, actions(ctx, r.tenant, month, s, message, refresh)),
    );
  });
  fill(
    el,
    head,
    message,
    dataTable({ class: 'table', id: 'governance-table' }, ['地区', G.cases, G.batches, G.last_upload_at, G.silent, G.signoff, ''], rows),
  );
}

/** 已确认 (按时 / 逾期), 确认后数据有变动 with the changes, or 未确认. */
function state(s) {
  if (!s || !s.signed_off) return h('span', { class: 'muted' }, G.not_signed_off);
  const parts = [h('span', {}, `${G.signed_off}（${s.on_time ? G.on_time : `逾期，期限 ${s.due}`}）`)];
  if (s.revised) {
    const changes = s.changes.map((c) => `${INDICATORS[c.count] || c.count} ${num(c.before)}→${num(c.after)}`).join('，');
    const batch = s.changes.find((c) => c.batch)?.batch;
    parts.push(h('div', { class: 'signal-below revised' }, `${G.revised}：${changes}${batch ? `（批次 ${batch}）` : ''}`));
  }
  return parts;
}

function actions(ctx, tenant, month, s, message, refresh) {
  const out = [];
  if (ctx.scope.has(tenant)) {
    const sign = h('button', { type: 'button', class: 'sign-off', dataset: { tenant } }, s && s.signed_off && !s.revised ? '重新确认' : '确认本月数据');
    sign.addEventListener('click', () =>
      act(message, refresh, () => api('/signoffs', { method: 'POST', body: { tenant, period: month } }), `已确认 ${ctx.byCode.get(tenant)?.name || tenant} ${month} 的数据。`),
    );
    out.push(sign);
  }
  if (s && s.signed_off && s.signed_by === ctx.me.code) {
    const withdraw = h('button', { type: 'button', class: 'link withdraw-signoff', dataset: { tenant } }, G.withdraw);
    withdraw.addEventListener('click', () => act(message, refresh, () => api(`/signoffs/${s.id}`, { method: 'DELETE' }), '已撤回确认。'));
    out.push(withdraw);
  }
  return out;
}

async function act(message, refresh, call, done) {
  try {
    await call();
    await refresh();
    const m = document.getElementById('governance-message');
    if (m) {
      m.className = 'notice notice-info';
      m.textContent = done;
      m.hidden = false;
    }
  } catch (error) {
    message.className = 'notice notice-error';
    message.textContent = explain(error);
    message.hidden = false;
  }
}

async function renderFlags(el, ctx, month) {
  const head = h('h2', {}, G.flags);
  let answer;
  try {
    answer = await api(`/flags?period=${month}`);
  } catch (error) {
    fill(el, head, notice('error', explain(error)));
    return;
  }
  if (!answer.rows.length) {
    fill(el, head, notice('info', '本月未发现数据质量问题（只判断本月受理不少于20件的地区）。', { id: 'flags-empty' }));
    return;
  }
  fill(
    el,
    head,
    dataTable(
      { class: 'table', id: 'flags-table' },
      ['地区', '提示', G.cases, G.evidence],
      answer.rows.map((r) =>
        h(
          'tr',
          { dataset: { tenant: r.tenant, flag: r.flag } },
          h('td', {}, h('a', { href: `#/tenant/${r.tenant}?period=${month}` }, ctx.byCode.get(r.tenant)?.name || r.tenant)),
          h('td', {}, FLAG_LABELS[r.flag] || r.flag),
          h('td', { class: 'num' }, num(r.cases)),
          h(
            'td',
            { class: 'small evidence' },
            r.evidence.map((id, i) => [i ? '、' : '', h('a', { href: `#/tenant/${r.tenant}?period=${month}&case=${encodeURIComponent(id)}`, dataset: { case: id } }, id)]),
          ),
        ),
      ),
    ),
  );
}
