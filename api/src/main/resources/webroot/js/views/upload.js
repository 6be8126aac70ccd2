// 数据上报: drag or choose a CSV / Excel / JSON Lines / JSON file, watch it upload, read the
// outcome row by row, follow the batch until its rows are counted.
import { api, blob, explain, forget, uploadCases } from '../api.js';
import { h, fill, notice, download } from '../dom.js';
import { FIELD_LABELS } from '../labels.js';
import { errorTable } from './tenant.js';

const TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jsonl: 'application/x-ndjson',
  ndjson: 'application/x-ndjson',
  json: 'application/json',
};

function contentType(file) {
  const ext = (file.name.split('.').pop() || '').toLowerCase();
  return TYPES[ext] || null;
}

function size(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export async function render(root, ctx) {
  const input = h('input', { type: 'file', id: 'upload-file', accept: '.csv,.xlsx,.jsonl,.ndjson,.json', hidden: true });
  const zone = h(
    'div',
    { class: 'drop', id: 'drop-zone', tabindex: 0, role: 'button', 'aria-label': '选择或拖入要上报的文件' },
    h('div', { class: 'drop-icon', 'aria-hidden': 'true' }, '⇪'),
    h('p', {}, h('strong', {}, '把文件拖到这里'), '，或点击选择文件'),
    h('p', { class: 'muted small' }, '支持 CSV、Excel（.xlsx）、JSON Lines、JSON；表头与字段名见模板。'),
    input,
  );
  const progress = h('div', { class: 'progress', id: 'upload-progress', hidden: true });
  const result = h('div', { id: 'upload-result' });
  const templateNote = h('span', { class: 'muted small', id: 'template-note' });
  const xlsxTemplate = h('button', { type: 'button', id: 'template-xlsx' }, '下载 Excel 模板');
  const csvTemplate = h('button', { type: 'button', id: 'template-csv' }, '下载 CSV 表头');

  xlsxTemplate.addEventListener('click', async () => {
    templateNote.textContent = '';
    try {
      download(await blob('/templates/cases.xlsx'), '问题件上报模板.xlsx');
    } catch (error) {
      templateNote.textContent = error.notOpen ? 'Excel 模板下载暂未开放，可先用 CSV 表头。' : explain(error);
    }
  });
  csvTemplate.addEventListener('click', () =>
    download(new Blob(['\ufeff' + Object.keys(FIELD_LABELS).join(',') + '\r\n'], { type: 'text/csv;charset=utf-8' }), '问题件上报表头.csv'),
  );

  root.append(
    h(
      'div',
      { class: 'summary' },
      h('h1', {}, '数据上报'),
      h('p', { class: 'muted' }, `以 ${ctx.me.name}（${ctx.me.code}）的身份上报${ctx.me.level === 'county' ? '本地区' : ctx.me.level === 'city' ? '本市及所辖县（市、区）' : '全省各地区'}的涉企问题件。同一问题件可重复上报，以更新时间最新的版本为准；完全相同的记录会被忽略。`),
    ),
    h(
      'section',
      { class: 'card' },
      h('div', { class: 'card-head' }, h('h2', {}, '选择文件'), h('div', { class: 'actions' }, xlsxTemplate, csvTemplate)),
      templateNote,
      zone,
      progress,
    ),
    result,
  );

  const start = (file) => {
    if (file) send(file, progress, result);
  };
  zone.addEventListener('click', (e) => {
    if (e.target !== input) input.click();
  });
  zone.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      input.click();
    }
  });
  input.addEventListener('change', () => {
    start(input.files[0]);
    input.value = '';
  });
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    start(e.dataTransfer.files[0]);
  });
}

async function send(file, progress, result) {
  const type = contentType(file);
  if (!type) {
    fill(result, notice('error', `不支持的文件类型：${file.name}。请上传 .csv、.xlsx、.jsonl 或 .json 文件。`, { id: 'upload-error' }));
    return;
  }
  const bar = h('progress', { max: 100, value: 0 });
  const text = h('span', {}, `正在上传 ${file.name}（${size(file.size)}）… 0%`);
  progress.hidden = false;
  fill(progress, bar, text);
  fill(result);
  let outcome;
  try {
    outcome = await uploadCases(file, type, (sent, total) => {
      const p = total ? Math.round((100 * sent) / total) : 0;
      bar.value = p;
      text.textContent = p < 100 ? `正在上传 ${file.name}（${size(file.size)}）… ${p}%` : `已上传 ${file.name}，服务器正在逐行校验…`;
    });
  } catch (error) {
    bar.value = 0;
    text.textContent = `上传失败：${file.name}`;
    const message = error.status === 415 ? `服务器暂不接受这种文件（${file.name}）${type.includes('spreadsheet') ? '：Excel 上报暂未开放，请另存为 CSV 后上传。' : '。'}` : explain(error);
    fill(result, notice('error', message, { id: 'upload-error' }));
    return;
  }
  bar.value = 100;
  text.textContent = `${file.name} 已上传（${size(file.size)}）`;
  const state = h('span', { class: 'state', id: 'batch-state' }, outcome.accepted > 0 ? '正在计入指标…' : '无新记录需要计入');
  fill(
    result,
    h(
      'section',
      { class: 'card', id: 'upload-outcome', dataset: { batch: outcome.batch_id } },
      h('div', { class: 'card-head' }, h('h2', {}, '上报结果'), state),
      h(
        'div',
        { class: 'tiles' },
        h('div', { class: 'tile ok', id: 'count-accepted' }, h('span', { class: 'k' }, '接收'), h('span', { class: 'v' }, outcome.accepted)),
        h('div', { class: 'tile', id: 'count-ignored' }, h('span', { class: 'k' }, '重复（已忽略）'), h('span', { class: 'v' }, outcome.ignored)),
        h('div', { class: `tile${outcome.rejected ? ' bad' : ''}`, id: 'count-rejected' }, h('span', { class: 'k' }, '拒收'), h('span', { class: 'v' }, outcome.rejected)),
      ),
      h('p', { class: 'muted small mono' }, `批次 ${outcome.batch_id}`),
      outcome.errors && outcome.errors.length
        ? [h('h3', {}, `逐行错误（${outcome.errors.length} 条）`), h('p', { class: 'muted small' }, '行号为数据行序号（不含表头）。有错误的行未被接收，请修改后重新上报这些行。'), errorTable(outcome.errors, 'upload-errors')]
        : h('p', { class: 'notice notice-info' }, '所有行均通过校验。'),
    ),
  );
  if (outcome.accepted > 0) follow(outcome.batch_id, state);
}

/** Polls the batch until its rows are reflected in every indicator. */
async function follow(id, state) {
  for (let i = 0; i < 120 && document.body.contains(state); i++) {
    try {
      const b = await api(`/batches/${encodeURIComponent(id)}`);
      if (b.state === 'processed') {
        forget(); // league tables and trends read from now on include this batch
        state.textContent = '已计入指标';
        state.classList.add('done');
        return;
      }
    } catch {
      // keep trying; the batch is durable either way
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}
