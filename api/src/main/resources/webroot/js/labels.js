// Chinese names for the API's codes, and number formats.

export const RATES = ['resolution_rate', 'overdue_rate', 'recurrence_rate', 'satisfaction_rate'];

export const RATE_LABELS = {
  resolution_rate: '办结率',
  overdue_rate: '超时办结率',
  recurrence_rate: '重发复发率',
  satisfaction_rate: '满意率',
};

/** Whether a higher value of the rate is better (SPEC §4, scheme standard). */
export const HIGHER_BETTER = {
  resolution_rate: true,
  overdue_rate: false,
  recurrence_rate: false,
  satisfaction_rate: true,
};

/** What each rate's denominator counts (the funnel plot's x axis). */
export const DENOMINATOR_LABELS = {
  resolution_rate: '受理量',
  overdue_rate: '办结量',
  recurrence_rate: '受理量',
  satisfaction_rate: '评价量',
};

export const ANOMALIES = [
  ['dissatisfied', '不满意评价'],
  ['overdue_open', '超期未办结'],
  ['reassigned', '二次交办'],
  ['leader_instructed', '领导批示件'],
  ['escalated', '提级办理'],
];

export const GROUP_LABELS = {
  counties: '全部县(市、区)',
  mountain26: '山区26县',
  non_mountain: '非山区县',
  cities: '设区市',
};

export const FUNNEL_LABELS = {
  above: '显著优于全组',
  within: '正常波动',
  below: '显著差于全组（95%）',
  alarm: '预警（99.8%）',
};

export const LEVEL_LABELS = { province: '省', city: '设区市', county: '县(市、区)' };

export const STATUS_LABELS = {
  received: '已受理',
  assigned: '已交办',
  in_progress: '办理中',
  closed: '已办结',
  withdrawn: '已撤件',
};

export const CATEGORY_LABELS = {
  general: '综合',
  project: '项目',
  policy: '政策',
  finance: '金融',
  talent: '人才',
  legal: '法治',
  innovation: '创新',
  opening: '开放',
  data: '数据',
  other: '其他',
};

export const CHANNEL_LABELS = {
  hotline_12345: '12345热线',
  good_bad_review: '好差评',
  service_window: '服务窗口',
  enterprise_visit: '走访企业',
  department_referral: '部门转办',
  leader_assigned: '领导交办',
  online_platform: '网上平台',
  other: '其他',
};

export const SATISFACTION_LABELS = {
  very_satisfied: '非常满意',
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
  very_dissatisfied: '非常不满意',
};

export const ESCALATION_LABELS = { county: '县级', city: '市级', province: '省级' };

export const FIELD_LABELS = {
  case_id: '问题件编号',
  tenant_code: '地区代码',
  updated_at: '更新时间',
  enterprise_uscc: '统一社会信用代码',
  enterprise_name: '企业名称',
  channel: '渠道',
  category: '类别',
  received_at: '受理时间',
  deadline: '办理时限',
  status: '状态',
  closed_at: '办结时间',
  escalation_level: '分级',
  reassigned_count: '二次交办次数',
  leader_instructed: '领导批示',
  satisfaction: '满意度',
  description: '描述',
};

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
