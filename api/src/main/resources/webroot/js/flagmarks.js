// The data-quality flags (SPEC §10) beside the league table's rows: each row of a month's table
// shows how many flags its tenant has (GET /api/v1/flags, the caller's scope), linked to the
// 数据质量 view of that month.
import { api } from './api.js';
import { h } from './dom.js';
import { VOCABULARY } from './labels.js';

const G = VOCABULARY.governance;
const FLAG_LABELS = VOCABULARY.quality_flag;

/** The flags of {@code period} per tenant, or an empty map when the period is not a month. */
export async function flagsByTenant(period) {
  const byTenant = new Map();
  if (!/^\d{4}-\d{2}$/.test(period)) return byTenant;
  const answer = await api(`/flags?period=${encodeURIComponent(period)}`).catch(() => ({ rows: [] }));
  for (const r of answer.rows) {
    if (!byTenant.has(r.tenant)) byTenant.set(r.tenant, []);
    byTenant.get(r.tenant).push(r);
  }
  return byTenant;
}

/** Adds to each flagged row of {@code table} (rows with data-tenant) a mark linking to 数据质量. */
export function markFlags(table, byTenant, period) {
  for (const tr of table.querySelectorAll('tbody tr[data-tenant]')) {
    const flags = byTenant.get(tr.dataset.tenant);
    if (!flags || !tr.firstElementChild) continue;
    tr.firstElementChild.append(
      ' ',
      h(
        'a',
        {
          class: 'flag-mark',
          href: `#/governance?period=${encodeURIComponent(period)}`,
          title: flags.map((f) => `${FLAG_LABELS[f.flag] || f.flag} ${f.cases}`).join('；'),
          dataset: { flags: String(flags.length) },
        },
        `${G.flags} ${flags.length}`,
      ),
    );
  }
}
