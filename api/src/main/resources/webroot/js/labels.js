// Chinese names for the API's codes, and number formats. The names come from the server's
// vocabulary (/vocabulary.json: core's zh-CN.json, the same terms the XLSX template and the
// bulletins use), so a term is not written here again.

const response = await fetch(new URL('../vocabulary.json', import.meta.url));
if (!response.ok) throw new Error(`vocabulary: ${response.status}`);

/** Section → wire name → Chinese term. */
export const VOCABULARY = await response.json();

export const RATES = ['resolution_rate', 'overdue_rate', 'recurrence_rate', 'satisfaction_rate'];

/** The name of every indicator: 受理量, 办结率 … */
export const INDICATORS = VOCABULARY.indicator;

export const RATE_LABELS = Object.fromEntries(RATES.map((r) => [r, INDICATORS[r]]));

/** Whether a higher value of the rate is better (SPEC §4, scheme standard). */
export const HIGHER_BETTER = {
  resolution_rate: true,
  overdue_rate: false,
  recurrence_rate: false,
  satisfaction_rate: true,
};

/** What each rate's denominator counts (the funnel plot's x axis). */
export const DENOMINATOR_LABELS = {
  resolution_rate: INDICATORS.received,
  overdue_rate: INDICATORS.closed,
  recurrence_rate: INDICATORS.received,
  satisfaction_rate: INDICATORS.rated,
};

export const ANOMALIES = ['dissatisfied', 'overdue_open', 'reassigned', 'leader_instructed', 'escalated'].map((a) => [a, INDICATORS[a]]);

export const GROUP_LABELS = VOCABULARY.group;
export const FUNNEL_LABELS = VOCABULARY.funnel;
export const LEVEL_LABELS = VOCABULARY.level;
export const STATUS_LABELS = VOCABULARY.status;
export const CATEGORY_LABELS = VOCABULARY.category;
export const CHANNEL_LABELS = VOCABULARY.channel;
export const SATISFACTION_LABELS = VOCABULARY.satisfaction;
export const ESCALATION_LABELS = VOCABULARY.escalation_level;
export const FIELD_LABELS = VOCABULARY.field;

/** A row error in Chinese: its code's template filled with its params; its message if the code is unknown. */
export function errorText(e) {
  const template = e.code && VOCABULARY.error[e.code];
  if (!template) return e.message;
  return template.replace(/\{([a-z_]+)\}/g, (placeholder, name) => (e.params && name in e.params ? e.params[name] : placeholder));
}

export const FORMAT_LABELS = {
  JSON_ARRAY: 'JSON',
  JSON_LINES: 'JSON Lines',
  CSV: 'CSV',
  XLSX: 'Excel',
};

/** 0.9123 → "91.2%"; null → "—". */
export function pct(x, digits = 1) {
  return x === null || x === undefined ? '—' : `${(x * 100).toFixed(digits)}%`;
}

/** [0.9, 0.95] → "90.0–95.0" (percent points). */
export function interval(w) {
  return w ? `${(w[0] * 100).toFixed(1)}–${(w[1] * 100).toFixed(1)}` : '';
}

export function num(x) {
  return x === null || x === undefined ? '—' : Number(x).toLocaleString('zh-CN');
}

export function score(x) {
  return x === null || x === undefined ? '—' : Number(x).toFixed(2);
}

const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** An ISO instant shown in Asia/Shanghai: "2024-01-31 21:12". */
export function time(iso) {
  if (!iso) return '—';
  const parts = Object.fromEntries(TIME.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The API's ineligibility reason ("received 12 < minimum 20") in Chinese. */
export function ineligibleReason(reason) {
  const m = /received (\d+) < minimum (\d+)/.exec(reason || '');
  return m ? `受理量 ${m[1]} 件，不足 ${m[2]} 件，不参与排名` : reason || '不参与排名';
}

export function groupLabel(g) {
  return GROUP_LABELS[g] || g;
}
