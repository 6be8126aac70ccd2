// 举一反三: the period's common problems of a scope — groups of cases whose descriptions state the
// same problem — and, opened, a group's cases with links to the drill-down.
import { api, explain } from '../api.js';
import { h, fill, field, notice, select, spinner } from '../dom.js';
import { CATEGORY_LABELS, VOCABULARY } from '../labels.js';
import { label as periodLabel } from '../periods.js';
import { periodPicker } from '../widgets.js';

const WORDS = VOCABULARY.common_problem;

export async function render(root, ctx, { params }) {
  const period = params.get('period') || ctx.latest;
  const tenant = params.get('tenant') || ctx.me.code;
  const go = (change) => ctx.go('problems', null, { period, tenant, ...change });
  const scopes = ctx.tenants
    .filter((t) => ctx.scope.has(t.code) && (t.code === ctx.me.code || t.level !== 'county'))
    .map((t) => [t.code, t.name]);
  const scopeSelect = select(scopes, tenant, { name: 'tenant' });
  scopeSelect.addEventListener('change', () => go({ tenant: scopeSelect.value }));
  const body = h('div', {}, spinner('正在归并共性问题…'));
  root.append(h('div', { class: 'toolbar' }, periodPicker(period, (p) => go({ period: p })), field('范围', scopeSelect)), body);

  const q = `period=${encodeURIComponent(period)}&tenant=${encodeURIComponent(tenant)}`;
  let answer;
  try {
    answer = await api(`/common-problems?${q}`);
  } catch (error) {
    fill(body, notice('error', explain(error)));
    return;
  }
  const name = (code) => (ctx.byCode.get(code) || { name: code }).name;
  const rows = answer.rows.map((g) => {
    const change = g.cases - g.previous;
    const cases = h('tr', { class: 'group-cases', hidden: true }, h('td', { colspan: 7 }));
    const open = h('button', { type: 'button', class: 'link' }, '查看问题件');
    open.addEventListener('click', async () => {
      cases.hidden = !cases.hidden;
      if (cases.hidden || cases.dataset.loaded) return;
      const list = await api(`/common-problems/${g.id}/cases?${q}`).catch((e) => ({ error: e }));
      cases.dataset.loaded = 'true';
      fill(
        cases.firstChild,
        list.error
          ? notice('error', explain(list.error))
          : h(
              'ul',
              { class: 'case-list' },
              list.rows.map((c) =>
                h('li', {}, h('a', { href: `#/tenant/${c.tenant}?period=${encodeURIComponent(period)}` }, `${name(c.tenant)} · ${c.case_id}`)),
              ),
            ),
      );
    });
    return [
      h(
        'tr',
        { 'data-id': g.id },
        h('td', { class: 'label' }, g.label),
        h('td', { class: 'num cases' }, String(g.cases)),
        h('td', { class: 'tenants' }, `${g.tenants.length} 个：${g.tenants.map(name).join('、')}`),
        h('td', { class: 'categories' }, g.categories.map((c) => CATEGORY_LABELS[c] || c).join('、')),
        h('td', { class: 'num previous' }, String(g.previous)),
        h('td', { class: 'num change' }, change > 0 ? `+${change}` : String(change)),
        h('td', {}, open),
      ),
      cases,
    ];
  });
  fill(
    body,
    h(
      'section',
      { class: 'card', id: 'problems' },
      h('div', { class: 'card-head' }, h('h2', {}, `${WORDS.title} · ${periodLabel(period)} · ${name(tenant)}`)),
      h('p', { class: 'muted small' }, '描述所述为同一问题的问题件（至少 3 件），按件数排序；只在所选范围内归并。上期件数为上一同长度周期中可归入该组的问题件。'),
      answer.rows.length === 0
        ? notice('info', '本期本范围内没有 3 件以上的共性问题。')
        : h(
            'table',
            { id: 'problems-table', 'data-rows': String(answer.rows.length) },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', {}, WORDS.label),
                h('th', {}, WORDS.cases),
                h('th', {}, WORDS.tenants),
                h('th', {}, WORDS.categories),
                h('th', {}, WORDS.previous),
                h('th', {}, WORDS.change),
                h('th', {}, ''),
              ),
            ),
            h('tbody', {}, rows.flat()),
          ),
    ),
  );
}
