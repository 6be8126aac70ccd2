// Calendar periods as the API writes them (SPEC §3, Asia/Shanghai): 2024-03, 2024-Q1, 2024, 2024-W09.

export const TYPES = [
  ['month', '月度'],
  ['quarter', '季度'],
  ['year', '年度'],
  ['week', '周'],
];

const PATTERNS = {
  month: /^(\d{4})-(\d{2})$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  year: /^(\d{4})$/,
  week: /^(\d{4})-W(\d{2})$/,
};

const pad = (n) => String(n).padStart(2, '0');

export function typeOf(period) {
  for (const [type, re] of Object.entries(PATTERNS)) {
    if (re.test(period || '')) return type;
  }
  return null;
}

function parse(period) {
  const type = typeOf(period);
  if (!type) throw new Error(`不是有效的周期：${period}`);
  const m = PATTERNS[type].exec(period);
  return { type, year: Number(m[1]), n: m[2] === undefined ? 0 : Number(m[2]) };
}

function format(type, year, n) {
  switch (type) {
    case 'month':
      return `${year}-${pad(n)}`;
    case 'quarter':
      return `${year}-Q${n}`;
    case 'year':
      return String(year);
    default:
      return `${year}-W${pad(n)}`;
  }
}

/** ISO weeks in a year: 53 when 28 December falls in week 53. */
function weeksIn(year) {
  return isoWeek(new Date(Date.UTC(year, 11, 28))).week;
}

/** The ISO week-year and week of a UTC date. */
function isoWeek(date) {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  return { year: d.getUTCFullYear(), week: Math.ceil(((d - yearStart) / 86400000 + 1) / 7) };
}

/** The period of the same type `steps` before (negative: after). */
export function shift(period, steps) {
  let { type, year, n } = parse(period);
  const per = { month: 12, quarter: 4 }[type];
  if (type === 'year') return String(year - steps);
  if (per) {
    const idx = year * per + (n - 1) - steps;
    return format(type, Math.floor(idx / per), (idx % per) + 1);
  }
  // weeks: walk, since years have 52 or 53
  let s = steps;
  while (s > 0) {
    n -= 1;
    if (n < 1) n = weeksIn(--year);
    s -= 1;
  }
  while (s < 0) {
    n += 1;
    if (n > weeksIn(year)) {
      year += 1;
      n = 1;
    }
    s += 1;
  }
  return format(type, year, n);
}

/** The last `count` periods ending with `period`, oldest first. */
export function lastPeriods(period, count) {
  const out = [];
  for (let i = count - 1; i >= 0; i--) out.push(shift(period, i));
  return out;
}

/** The period of a type containing the instant `date`, in Asia/Shanghai. */
export function current(type, date = new Date()) {
  const local = new Date(date.getTime() + 8 * 3600 * 1000); // Asia/Shanghai has no DST
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + 1;
  switch (type) {
    case 'month':
      return format('month', y, m);
    case 'quarter':
      return format('quarter', y, Math.ceil(m / 3));
    case 'year':
      return String(y);
    default: {
      const w = isoWeek(local);
      return format('week', w.year, w.week);
    }
  }
}

/** The same moment seen as another period type (the first day of `period`). */
export function convert(period, type) {
  const { type: from, year, n } = parse(period);
  if (from === type) return period;
  let month = 1;
  if (from === 'month') month = n;
  if (from === 'quarter') month = 3 * n - 2;
  let date = new Date(Date.UTC(year, month - 1, 1, 4));
  if (from === 'week') {
    // Thursday of ISO week n
    const jan4 = new Date(Date.UTC(year, 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() || 7) - 1) * 86400000);
    date = new Date(monday.getTime() + ((n - 1) * 7 + 3) * 86400000);
  }
  return current(type, new Date(date.getTime() - 8 * 3600 * 1000));
}

/** Choices for a picker: the newest `count` periods of a type up to now, plus `keep` if older. */
export function choices(type, keep, count = { month: 36, quarter: 16, year: 6, week: 110 }[type]) {
  const list = lastPeriods(current(type), count).reverse();
  if (keep && typeOf(keep) === type && !list.includes(keep)) {
    list.push(keep);
    list.sort().reverse();
  }
  return list.map((p) => [p, label(p)]);
}

/** 2024-01 → 2024年1月; 2024-Q1 → 2024年第1季度; 2024 → 2024年; 2024-W05 → 2024年第5周. */
export function label(period) {
  const { type, year, n } = parse(period);
  switch (type) {
    case 'month':
      return `${year}年${n}月`;
    case 'quarter':
      return `${year}年第${n}季度`;
    case 'year':
      return `${year}年`;
    default:
      return `${year}年第${n}周`;
  }
}

/** A short label for chart axes: 2024-01 → 24年1月. */
export function shortLabel(period) {
  const { type, year, n } = parse(period);
  const yy = String(year).slice(2);
  return { month: `${yy}年${n}月`, quarter: `${yy}Q${n}`, year: `${year}`, week: `${yy}W${n}` }[type];
}
