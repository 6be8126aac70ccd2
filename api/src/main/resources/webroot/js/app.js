// The shell: sign-in with a tenant key, the navigation, and a hash router over the views.
// What a view shows is only what the API answers for the signed-in key.
import { api, ApiError, cached, explain, forget, session } from './api.js';
import { h, fill, notice, spinner } from './dom.js';
import { LEVEL_LABELS } from './labels.js';
import { current, lastPeriods } from './periods.js';
import * as league from './views/league.js';
import * as tenant from './views/tenant.js';
import * as upload from './views/upload.js';
import * as bulletins from './views/bulletins.js';
import * as indicators from './views/indicators.js';
import * as governance from './views/governance.js';
import * as problems from './views/problems.js';
import * as warnings from './views/warnings.js';

const VIEWS = { league, tenant, upload, bulletins, indicators, governance, problems, warnings };
const view = document.getElementById('view');
const signIn = document.getElementById('sign-in');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
let ctx = null;
let renders = 0;

/** #/tenant/330522?period=2024-01 → { name: 'tenant', arg: '330522', params } */
function route() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, query] = raw.split('?');
  const [name, arg] = path.split('/');
  return { name: VIEWS[name] ? name : 'league', arg: arg || null, params: new URLSearchParams(query || '') };
}

/** Changes the route; params with empty values are left out. */
export function go(name, arg, params = {}) {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== ''));
  const hash = `#/${name}${arg ? `/${arg}` : ''}${q.toString() ? `?${q}` : ''}`;
  if (location.hash === hash) render();
  else location.hash = hash;
}

async function render() {
  if (!ctx) return;
  const r = route();
  const token = ++renders;
  for (const a of nav.querySelectorAll('a')) a.classList.toggle('active', a.dataset.view === r.name);
  const container = h('div', { class: `view view-${r.name}` });
  fill(view, container);
  view.dataset.state = 'loading';
  view.dataset.route = location.hash;
  try {
    await VIEWS[r.name].render(container, ctx, r);
  } catch (error) {
    console.error(error);
    container.append(notice('error', explain(error)));
  }
  if (token === renders) view.dataset.state = 'ready';
}

/** The newest month with any case received, as the default period (the platform may hold older data only). */
async function latestMonth(me) {
  const code = me.code;
  const now = current('month');
  const years = lastPeriods(current('year'), 4).reverse();
  for (const y of years) {
    const m = await api(`/metrics?period=${y}&tenant=${code}`).catch(() => null);
    if (m && m.received > 0) {
      const months = lastPeriods(`${y}-12`, 12).filter((p) => p <= now).reverse();
      const answers = await Promise.all(months.map((p) => api(`/metrics?period=${p}&tenant=${code}`).catch(() => null)));
      const i = answers.findIndex((a) => a && a.received > 0);
      return i >= 0 ? months[i] : `${y}-12`;
    }
  }
  return current('month');
}

async function start() {
  fill(view, spinner('正在登录…'));
  view.dataset.state = 'loading';
  try {
    const me = await api('/me');
    const registry = await cached('/tenants');
    const tenants = registry.rows;
    const byCode = new Map(tenants.map((t) => [t.code, t]));
    const scope = new Set(
      tenants
        .filter((t) => me.province || t.code === me.code || t.ancestors.includes(me.code))
        .map((t) => t.code),
    );
    const groups = [...new Set(tenants.flatMap((t) => t.groups))];
    ctx = { me, tenants, byCode, scope, groups, go, latest: await latestMonth(me) };
  } catch (error) {
    ctx = null;
    session.key = null;
    showSignIn(error instanceof ApiError && error.status === 401 ? '密钥无效或已吊销，请检查后重新输入。' : explain(error));
    return;
  }
  signIn.hidden = true;
  nav.hidden = false;
  who.hidden = false;
  fill(
    document.getElementById('who-name'),
    h('strong', {}, ctx.me.name),
    h('span', { class: 'muted' }, ` ${LEVEL_LABELS[ctx.me.level] || ''} · ${ctx.me.code}`),
  );
  render();
}

function showSignIn(message) {
  ctx = null;
  forget();
  nav.hidden = true;
  who.hidden = true;
  fill(view);
  view.dataset.state = 'signed-out';
  signIn.hidden = false;
  const error = document.getElementById('sign-in-error');
  error.textContent = message || '';
  error.hidden = !message;
  document.getElementById('key').focus();
}

document.getElementById('sign-in-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const key = document.getElementById('key').value.trim();
  if (!key) return;
  session.key = key;
  document.getElementById('key').value = '';
  start();
});

document.getElementById('sign-out').addEventListener('click', () => {
  session.key = null;
  showSignIn('');
});

window.addEventListener('liangshai:unauthorized', () => {
  session.key = null;
  showSignIn('登录已失效（密钥被吊销或无效），请重新登录。');
});

window.addEventListener('hashchange', render);

if (session.key) start();
else showSignIn('');
