// 预警: a tenant's open cases with their deadline state (coloured), risk and reasons, filtered by
// state, category and channel; the province and the cities first see the per-tenant summary of
// their scope, and open a tenant's list from it.
import { api, explain } from '../api.js';
import { h, fill, field, notice, select, spinner } from '../dom.js';
import { CATEGORY_LABELS, CHANNEL_LABELS, VOCABULARY, time } from '../labels.js';

const WORDS = VOCABULARY.warning;
const STATES = VOCABULARY.deadline_state;
const PAGE = 200;

// A reason the model gives in English ("reassigned 3 times"), in the vocabulary's Chinese; the
// values in braces are numbers, or wire names of the section of the same name.
const REASONS = Object.entries(VOCABULARY.risk_reason).map(([english, chinese]) => {
  const names = [...english.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const pattern = english.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '(.+?)');
  return { re: new RegExp(`^${pattern}$`), names, chinese };
});

function reason(text) {
  for (const { re, names, chinese } of REASONS) {
    const m = text.match(re);
    if (!m) continue;
    return names.reduce((out, name, i) => out.replace(`{${name}}`, (VOCABULARY[name] || {})[m[i + 1]] || m[i + 1]), chinese);
  }
  return text;
}

const percent = (x) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);

export async function render(root, ctx, { arg, params }) {
  const tenant = arg || ctx.me.code;
  const county = (ctx.byCode.get(tenant) || {}).level === 'county';
  const name = (code) => (ctx.byCode.get(code) || { name: code }).name;
  const body = h('div', {}, spinner('正在计算预警…'));
  root.append(body);
  if (!county && !params.get('list')) {
    await summary(body, ctx, tenant, name);
    return;
  }
  await list(root, body, ctx, tenant, name, params);
}

async function summary(body, ctx, tenant, name) {
  let answer;
  try {
    answer = await api(`/warnings/summary?tenant=${encodeURIComponent(tenant)}`);
  } catch (error) {
    fill(body, notice('error', explain(error)));
    return;
  }
  const rows = answer.rows.map((r) => {
    const open = h('a', { href: `#/warnings/${r.tenant}?list=1`, class: 'open-list' }, name(r.tenant));
    return h(
      'tr',
      { 'data-tenant': r.tenant },
      h('td', {}, open),
      h('td', { class: 'num open' }, String(r.open)),
      h('td', { class: 'num state-overdue' }, String(r.overdue)),
      h('td', { class: 'num state-due_soon' }, String(r.due_soon)),
      h('td', { class: 'num state-on_track' }, String(r.on_track)),
      h('td', { class: 'num high-risk' }, String(r.high_risk)),
      h('td', { class: 'num' }, percent(r.mean_risk)),
      h('td', { class: 'num' }, percent(r.overdue_share)),
    );
  });
  const heads = [WORDS.tenant, WORDS.open, STATES.overdue, STATES.due_soon, STATES.on_track, WORDS.high_risk, WORDS.mean_risk, WORDS.overdue_share];
  fill(
    body,
    h(
      'section',
      { class: 'card', id: 'warnings-summary' },
      h('div', { class: 'card-head' }, h('h2', {}, `${WORDS.summary} · ${name(tenant)}`)),
      h('p', { class: 'muted small' }, '各地区本级在办件按办理时限分类；高风险为尚未超期、超期风险不低于 50% 的件。点击地区查看其预警清单。'),
      h(
        'table',
        { id: 'warnings-summary-table', 'data-rows': String(answer.rows.length) },
        h('thead', {}, h('tr', {}, heads.map((t) => h('th', {}, t)))),
        h('tbody', {}, rows),
      ),
    ),
  );
}

async function list(root, body, ctx, tenant, name, params) {
  const state = params.get('state') || '';
  const category = params.get('category') || '';
  const channel = params.get('channel') || '';
  const offset = Number(params.get('offset') || 0);
  const go = (change) => ctx.go('warnings', tenant, { list: 1, state, category, channel, ...change });
  const options = (labels) => [['', '全部'], ...Object.entries(labels)];
  const controls = [
    ['state', STATES, state, WORDS.state],
    ['category', CATEGORY_LABELS, category, VOCABULARY.field.category],
    ['channel', CHANNEL_LABELS, channel, VOCABULARY.field.channel],
  ].map(([key, labels, value, label]) => {
    const s = select(options(labels), value, { name: key });
    s.addEventListener('change', () => go({ [key]: s.value, offset: 0 }));
    return field(label, s);
  });
  root.insertBefore(h('div', { class: 'toolbar' }, controls), body);
  const q = new URLSearchParams({ tenant, limit: String(PAGE), offset: String(offset) });
  for (const [k, v] of Object.entries({ state, category, channel })) if (v) q.set(k, v);
  let answer;
  try {
    answer = await api(`/warnings?${q}`);
  } catch (error) {
    fill(body, notice('error', explain(error)));
    return;
  }
  const rows = answer.rows.map((r) =>
    h(
      'tr',
      { class: `state-${r.state}`, 'data-case': r.case_id, 'data-state': r.state },
      h('td', {}, h('a', { href: `#/tenant/${r.tenant}?case=${encodeURIComponent(r.case_id)}` }, r.case_id)),
      h('td', {}, name(r.tenant)),
      h('td', { class: 'state' }, h('span', { class: `badge state-${r.state}` }, STATES[r.state] || r.state)),
      h('td', { class: 'deadline' }, time(r.deadline)),
      h('td', { class: 'num' }, String(r.working_days_left)),
      h('td', { class: 'num risk' }, percent(r.risk)),
      h('td', { class: 'reasons', title: r.reasons.join('; ') }, r.reasons.map(reason).join('；')),
    ),
  );
  const more = [];
  if (offset > 0) more.push(h('button', { type: 'button', class: 'link', onclick: () => go({ offset: Math.max(0, offset - PAGE) }) }, '上一页'));
  if (offset + answer.rows.length < answer.total) more.push(h('button', { type: 'button', class: 'link', onclick: () => go({ offset: offset + PAGE }) }, '下一页'));
  const heads = [WORDS.case_id, WORDS.tenant, WORDS.state, WORDS.deadline, WORDS.working_days_left, WORDS.risk, WORDS.reasons];
  fill(
    body,
    h(
      'section',
      { class: 'card', id: 'warnings-list' },
      h('div', { class: 'card-head' }, h('h2', {}, `${WORDS.list} · ${name(tenant)}`)),
      h('p', { class: 'muted small' }, `共 ${answer.total} 件在办件，按超期风险从高到低排列。`),
      answer.rows.length === 0
        ? notice('info', '没有符合条件的在办件。')
        : h(
            'table',
            { id: 'warnings-table', 'data-total': String(answer.total) },
            h('thead', {}, h('tr', {}, heads.map((t) => h('th', {}, t)))),
            h('tbody', {}, rows),
          ),
      h('div', { class: 'pager' }, more),
    ),
  );
}
