// 评价指标 (8+X, SPEC §7): every indicator, built-in and defined, with its target and its
// documentation; the province defines one with a form whose filters are built from the
// enumerations, previews the league table under the draft (and a draft scheme) before saving,
// saves, retires; every tenant uploads reported values here.
import { api, blob, cached, explain, forget, session } from '../api.js';
import { h, dataTable, fill, field, notice, select, spinner, download } from '../dom.js';
import { VOCABULARY, errorText, groupLabel, num, time } from '../labels.js';
import { label as periodLabel } from '../periods.js';
import { groupOptions, indicatorNames, leagueTable, periodPicker } from '../widgets.js';

const KIND_LABELS = VOCABULARY.indicator_kind;
const FILTER_LABELS = VOCABULARY.filter_key;
const DIRECTION_LABELS = VOCABULARY.direction;
const REPORTED_FIELDS = VOCABULARY.reported_field;
const LIST_KEYS = ['category', 'channel', 'escalation_level', 'satisfaction'];
const BOOLEAN_KEYS = ['closed', 'overdue_closed', 'recurrence', 'rated', 'leader_instructed', 'reassigned'];
const UPLOAD_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jsonl: 'application/x-ndjson',
  ndjson: 'application/x-ndjson',
  json: 'application/json',
};

/** A filter in Chinese: "问题类别为项目、政策，且已办结：是"; the empty filter is every case. */
export function describeFilter(filter) {
  const parts = [];
  for (const key of LIST_KEYS) {
    if (filter && filter[key]) parts.push(`${FILTER_LABELS[key]}为${filter[key].map((v) => VOCABULARY[key][v] || v).join('、')}`);
  }
  for (const key of BOOLEAN_KEYS) {
    if (filter && key in filter) parts.push(`${FILTER_LABELS[key]}：${filter[key] ? '是' : '否'}`);
  }
  return parts.length ? parts.join('，且') : '全部问题件';
}

/** A target in the indicator's unit: rates in percent, means in days. */
export function targetText(d, target = d.target) {
  if (target === null || target === undefined) return '—';
  const sign = d.direction === 'lower_better' ? '≤' : '≥';
  if (d.kind === 'case_mean_days') return `${sign} ${target} 天`;
  if (d.kind === 'case_ratio') return `${sign} ${(Number(target) * 100).toFixed(1)}%`;
  return `${sign} ${target}`;
}

/** What an indicator measures, in Chinese, from its definition (its documentation). */
export function describe(d) {
  const cohort = '按受理时间所在周期统计，取每件的最新版本，撤件不计；设区市和全省由本级及所辖地区的件数汇总，不对比率求平均。';
  switch (d.kind) {
    case 'case_ratio':
      return `分母：${describeFilter(d.denominator)}的问题件；分子：其中${describeFilter(d.numerator) === '全部问题件' ? '全部' : describeFilter(d.numerator)}的问题件；指标值 = 分子 ÷ 分母（分母为 0 时无值）。${cohort}`;
    case 'case_mean_days':
      return `${describeFilter(d.filter)}的已办结问题件，办理天数（办结时间 − 受理时间）之和 ÷ 件数，保留 4 位小数。${cohort}`;
    case 'reported':
      return '各地区按月上报分子和分母（或单一数值）；未上报的上级地区取直属下级的分子、分母之和（单一数值不汇总）；季度、年度为各月之和（单一数值取各月平均）；按周无上报值。';
    default:
      return '';
  }
}

export async function render(root, ctx, { params }) {
  const province = ctx.me.province;
  const list = h('section', { class: 'card', id: 'indicator-list' }, spinner('正在加载指标…'));
  const upload = uploadCard(ctx);
  root.append(
    h(
      'div',
      { class: 'summary' },
      h('h1', {}, '评价指标（8+X）'),
      h('p', { class: 'muted' }, '内置四项问题件指标与省级定义的指标；每项指标有方向、可选的目标值和版本记录。设区市、县（市、区）可在此上报「上报数值」类指标。'),
    ),
    list,
  );
  if (province) root.append(await definitionCard(ctx, params.get('period') || ctx.latest, () => drawList(list, ctx)));
  root.append(upload);
  await drawList(list, ctx);
}

async function drawList(el, ctx) {
  let rows;
  try {
    rows = (await api('/indicators')).rows;
  } catch (error) {
    fill(el, h('h2', {}, '指标一览'), notice('error', explain(error)));
    return;
  }
  const body = rows.map((d) => {
    const retire = ctx.me.province && !d.built_in && !d.retired
      ? h('button', { type: 'button', class: 'link retire', dataset: { code: d.code } }, '停用')
      : null;
    if (retire) {
      retire.addEventListener('click', async () => {
        if (!window.confirm(`停用指标「${d.name}」（${d.code}）？停用后方案不能再使用它，历史版本保留。`)) return;
        try {
          await api(`/indicators/${encodeURIComponent(d.code)}/retire`, { method: 'POST' });
          forget();
          await drawList(el, ctx);
        } catch (error) {
          el.append(notice('error', explain(error)));
        }
      });
    }
    const current = d.retired ? d.versions[d.versions.length - 1] : d;
    return h(
      'tr',
      { dataset: { code: d.code }, class: d.retired ? 'retired' : '' },
      h('td', { class: 'mono code' }, d.code),
      h('td', { class: 'name' }, current.name || d.code, d.built_in ? h('span', { class: 'muted small' }, '（内置）') : null, d.retired ? h('span', { class: 'reason' }, '已停用') : null),
      h('td', { class: 'kind' }, KIND_LABELS[current.kind] || current.kind || '—'),
      h('td', { class: 'direction' }, DIRECTION_LABELS[current.direction] || '—'),
      h('td', { class: 'target', dataset: { target: current.target ?? '' } }, targetText(current)),
      h('td', { class: 'version' }, d.current_version ?? '—'),
      h(
        'td',
        { class: 'doc' },
        h('span', { class: 'doc-text' }, describe(current)),
        h(
          'details',
          { class: 'versions' },
          h('summary', {}, `版本记录（${d.versions.length}）`),
          h(
            'ol',
            {},
            d.versions.map((v) =>
              h('li', { dataset: { version: v.version } }, `第 ${v.version} 版 · ${time(v.created_at)} · ${v.name} · 目标 ${targetText(v)}${v.retired_at ? ` · 已于 ${time(v.retired_at)} 停用` : ''}`),
            ),
          ),
        ),
      ),
      h('td', { class: 'actions' }, retire),
    );
  });
  fill(
    el,
    h('h2', {}, '指标一览'),
    dataTable({ class: 'indicators', id: 'indicator-table' }, ['代码', '名称', '类型', '方向', '目标值', '版本', '说明', ''], body),
  );
}

/** Checkboxes for the list keys, a 不限/是/否 select for the boolean keys; read() gives the filter. */
function filterBuilder(name, legend) {
  const lists = LIST_KEYS.map((key) => {
    const boxes = Object.entries(VOCABULARY[key]).map(([value, label]) =>
      h('label', { class: 'check' }, h('input', { type: 'checkbox', name: `${name}.${key}`, value }), label),
    );
    return [key, boxes, h('div', { class: 'filter-list', dataset: { key } }, h('span', { class: 'k' }, FILTER_LABELS[key]), boxes)];
  });
  const booleans = BOOLEAN_KEYS.map((key) => [key, select([['', '不限'], ['true', '是'], ['false', '否']], '', { name: `${name}.${key}` })]);
  const el = h(
    'fieldset',
    { class: 'filter', id: `filter-${name}` },
    h('legend', {}, legend),
    lists.map((l) => l[2]),
    h('div', { class: 'filter-booleans' }, booleans.map(([key, s]) => field(FILTER_LABELS[key], s))),
  );
  const read = () => {
    const filter = {};
    for (const [key, boxes] of lists) {
      const values = boxes.map((b) => b.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
      if (values.length) filter[key] = values;
    }
    for (const [key, s] of booleans) {
      if (s.value) filter[key] = s.value === 'true';
    }
    return filter;
  };
  return { el, read };
}

async function definitionCard(ctx, initialPeriod, refresh) {
  const code = h('input', { name: 'code', id: 'indicator-code', required: true, pattern: '[a-z][a-z0-9_]{0,63}', placeholder: 'policy_closed_rate', spellcheck: 'false' });
  const name = h('input', { name: 'name', id: 'indicator-name', required: true, placeholder: '政策类问题办结率' });
  const kind = select(Object.entries(KIND_LABELS), 'case_ratio', { name: 'kind', id: 'indicator-kind' });
  const direction = select(Object.entries(DIRECTION_LABELS), 'higher_better', { name: 'direction', id: 'indicator-direction' });
  const target = h('input', { name: 'target', id: 'indicator-target', type: 'number', step: 'any', min: 0, placeholder: '可不填' });
  const denominator = filterBuilder('denominator', '分母条件（参与计算的问题件）');
  const numerator = filterBuilder('numerator', '分子条件（分母中还须满足）');
  const filter = filterBuilder('filter', '筛选条件（其中已办结的问题件计算平均办理天数）');
  const showFilters = () => {
    denominator.el.hidden = kind.value !== 'case_ratio';
    numerator.el.hidden = kind.value !== 'case_ratio';
    filter.el.hidden = kind.value !== 'case_mean_days';
  };
  kind.addEventListener('change', showFilters);
  showFilters();

  const draft = () => {
    const d = { code: code.value.trim(), name: name.value.trim(), kind: kind.value, direction: direction.value };
    if (target.value !== '') d.target = Number(target.value);
    if (kind.value === 'case_ratio') {
      d.denominator = denominator.read();
      d.numerator = numerator.read();
    }
    if (kind.value === 'case_mean_days') d.filter = filter.read();
    return d;
  };

  // the draft scheme: the draft indicator and any indicator in force, each with a weight
  const inForce = (await api('/indicators')).rows.filter((d) => !d.retired);
  const weights = inForce.map((d) => [d, h('input', { type: 'number', min: 0, step: 'any', value: '', name: `weight.${d.code}`, placeholder: '0' })]);
  const draftWeight = h('input', { type: 'number', min: 0, step: 'any', value: '1', name: 'weight.draft', id: 'weight-draft' });
  let period = initialPeriod;
  const periodHolder = h('span', {});
  const drawPeriod = () => fill(periodHolder, periodPicker(period, (p) => { period = p; drawPeriod(); }, { label: '预览周期' }));
  drawPeriod();
  const group = select(groupOptions(ctx, groupLabel), 'counties', { name: 'preview-group', id: 'preview-group' });
  const schemeId = h('input', { name: 'scheme-id', id: 'scheme-id', placeholder: 'eight_x', spellcheck: 'false' });
  const schemeName = h('input', { name: 'scheme-name', id: 'scheme-name', placeholder: '8+X 评价方案' });

  const scheme = (d) => {
    const indicators = [];
    if (Number(draftWeight.value) > 0) indicators.push({ rate: d.code, weight: Number(draftWeight.value), direction: d.direction });
    for (const [def, input] of weights) {
      if (def.code !== d.code && Number(input.value) > 0) indicators.push({ rate: def.code, weight: Number(input.value), direction: def.direction });
    }
    return { indicators };
  };

  const message = h('div', { id: 'indicator-message' });
  const preview = h('div', { id: 'indicator-preview' });
  const previewButton = h('button', { type: 'button', id: 'indicator-preview-button' }, '预览榜单');
  const saveButton = h('button', { type: 'submit', class: 'primary', id: 'indicator-save' }, '保存指标');
  const saveScheme = h('button', { type: 'button', id: 'scheme-save' }, '保存为评价方案');

  const fail = (error) => {
    const body = error.body;
    const rows = body && body.errors ? body.errors : null;
    fill(
      message,
      notice('error', rows ? `定义有误（${rows.length} 处）：` : explain(error), { id: 'indicator-error' }),
      rows ? h('ul', { class: 'definition-errors' }, rows.map((e) => h('li', { dataset: { field: e.field } }, h('span', { class: 'mono' }, e.field), '：', errorText(e)))) : null,
    );
  };

  previewButton.addEventListener('click', async () => {
    const d = draft();
    fill(message);
    fill(preview, spinner('正在计算预览榜单…'));
    try {
      const table = await api('/rankings/preview', {
        method: 'POST',
        body: { period, group: group.value, scheme: { ...scheme(d), name: `预览：${d.name || d.code}` }, indicators: [d] },
      });
      const names = { ...(await indicatorNames()), [d.code]: d.name || d.code };
      fill(
        preview,
        h('h3', {}, `预览：${periodLabel(period)} · ${groupLabel(group.value)} · 未保存`),
        h('p', { class: 'muted small' }, '按上方草稿计算，未保存任何内容。'),
        leagueTable(table, { key: 'rank', dir: 'asc' }, { names, id: 'preview-table' }),
      );
    } catch (error) {
      fill(preview);
      fail(error);
    }
  });

  saveScheme.addEventListener('click', async () => {
    const d = draft();
    fill(message);
    try {
      const saved = await api('/schemes', { method: 'POST', body: { id: schemeId.value.trim(), name: schemeName.value.trim(), ...scheme(d) } });
      forget();
      fill(message, notice('info', `已保存评价方案「${saved.name}」（${saved.id}，第 ${saved.version} 版）。`, { id: 'scheme-saved' }), h('a', { href: `#/league?period=${encodeURIComponent(period)}&group=${encodeURIComponent(group.value)}&scheme=${encodeURIComponent(saved.id)}`, id: 'scheme-league-link' }, '在晾晒榜单中查看'));
    } catch (error) {
      fail(error);
    }
  });

  const form = h(
    'form',
    { id: 'indicator-form', autocomplete: 'off' },
    h('div', { class: 'toolbar' }, field('指标代码', code), field('指标名称', name), field('类型', kind), field('方向', direction), field('目标值', target)),
    h('p', { class: 'muted small' }, '目标值：比率类填 0～1 的小数（如 0.9 表示 90%），平均办理天数填天数。同一代码再次保存即为新版本。'),
    denominator.el,
    numerator.el,
    filter.el,
    h(
      'fieldset',
      { class: 'scheme-draft', id: 'scheme-draft' },
      h('legend', {}, '方案草稿（预览及保存为评价方案时使用的权重）'),
      h('div', { class: 'toolbar' }, field('本指标（草稿）', draftWeight), weights.map(([d, input]) => field(d.name, input))),
      h('div', { class: 'toolbar' }, periodHolder, field('评价组', group), field('方案代码', schemeId), field('方案名称', schemeName)),
    ),
    h('div', { class: 'actions' }, previewButton, saveButton, saveScheme),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const d = draft();
    fill(message);
    try {
      const saved = await api('/indicators', { method: 'POST', body: d });
      forget();
      fill(message, notice('info', `已保存指标「${saved.name}」（${saved.code}，第 ${saved.version} 版），即时覆盖全部已入库问题件。`, { id: 'indicator-saved' }));
      await refresh();
    } catch (error) {
      fail(error);
    }
  });
  return h('section', { class: 'card', id: 'indicator-define' }, h('h2', {}, '定义指标'), form, message, preview);
}

function uploadCard(ctx) {
  const input = h('input', { type: 'file', id: 'indicator-values-file', accept: '.csv,.xlsx,.jsonl,.ndjson,.json' });
  const result = h('div', { id: 'values-result' });
  const template = h('button', { type: 'button', id: 'indicator-template' }, '下载 Excel 模板');
  template.addEventListener('click', async () => {
    try {
      download(await blob('/templates/indicator-values.xlsx'), '指标数值上报模板.xlsx');
    } catch (error) {
      fill(result, notice('error', explain(error)));
    }
  });
  input.addEventListener('change', async () => {
    const file = input.files[0];
    input.value = '';
    if (file) await send(file, result);
  });
  const columns = Object.entries(REPORTED_FIELDS).map(([k, v]) => `${v}（${k}）`).join('、');
  return h(
    'section',
    { class: 'card', id: 'indicator-upload' },
    h('div', { class: 'card-head' }, h('h2', {}, '上报指标数值'), h('div', { class: 'actions' }, template)),
    h('p', { class: 'muted small' }, `以 ${ctx.me.name}（${ctx.me.code}）的身份上报本地区${ctx.me.level === 'county' ? '' : '及所辖地区'}「上报数值」类指标的月度数值。列：${columns}；分子、分母与数值二选一。同一指标、地区、月份再次上报不同内容时以新值为准。`),
    field('选择文件', input),
    result,
  );
}

async function send(file, result) {
  const type = UPLOAD_TYPES[(file.name.split('.').pop() || '').toLowerCase()];
  if (!type) {
    fill(result, notice('error', `不支持的文件类型：${file.name}。请上传 .csv、.xlsx、.jsonl 或 .json 文件。`, { id: 'values-error' }));
    return;
  }
  fill(result, spinner(`正在上传 ${file.name}…`));
  let outcome;
  try {
    const response = await fetch('/api/v1/indicator-values', {
      method: 'POST',
      headers: { Authorization: `Bearer ${session.key}`, 'Content-Type': type },
      body: file,
    });
    outcome = await response.json().catch(() => null);
    if (!response.ok) throw Object.assign(new Error((outcome && outcome.message) || `${response.status}`), { status: response.status });
  } catch (error) {
    fill(result, notice('error', `上传失败：${error.message}`, { id: 'values-error' }));
    return;
  }
  forget();
  fill(
    result,
    h(
      'section',
      { class: 'card', id: 'values-outcome', dataset: { batch: outcome.batch_id } },
      h('div', { class: 'tiles' },
        h('div', { class: 'tile ok', id: 'values-accepted' }, h('span', { class: 'k' }, '接收'), h('span', { class: 'v' }, outcome.accepted)),
        h('div', { class: 'tile', id: 'values-ignored' }, h('span', { class: 'k' }, '相同（已忽略）'), h('span', { class: 'v' }, outcome.ignored)),
        h('div', { class: `tile${outcome.rejected ? ' bad' : ''}`, id: 'values-rejected' }, h('span', { class: 'k' }, '拒收'), h('span', { class: 'v' }, outcome.rejected)),
      ),
      h('p', { class: 'muted small mono' }, `批次 ${outcome.batch_id}`),
      outcome.errors && outcome.errors.length
        ? [h('h3', {}, `逐行错误（${num(outcome.errors.length)} 条）`), h('p', { class: 'muted small' }, '行号为数据行序号（不含表头）。有错误的行未被接收，请修改后重新上报这些行。'), valueErrorTable(outcome.errors)]
        : h('p', { class: 'notice notice-info' }, '所有行均通过校验。'),
    ),
  );
}

function valueErrorTable(errors) {
  return dataTable(
    { class: 'errors', id: 'values-errors' },
    ['行号', '字段', '问题'],
    errors.map((e) =>
      h(
        'tr',
        { dataset: { row: e.row } },
        h('td', { class: 'row-no' }, e.row ?? '—'),
        h('td', { class: 'field-name' }, e.field ? REPORTED_FIELDS[e.field] || e.field : '—', e.field ? h('div', { class: 'muted small mono' }, e.field) : null),
        h('td', { class: 'message', title: e.message, dataset: { code: e.code || '' } }, errorText(e)),
      ),
    ),
  );
}
