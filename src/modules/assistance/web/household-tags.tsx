import { Tag } from 'antd';
import { HARDSHIP_TIER_LABELS, type HardshipTier } from '../contract';
import { HOUSEHOLD_STATUS_LABELS, type HouseholdStatus } from '../vocabulary';

const TIER_COLORS: Record<HardshipTier, string> = { deep: 'red', relative: 'orange', accident: 'purple', none: 'default', excluded: 'default' };

/** In the filing, decided, or closed; statuses added later (exit, monitoring) show plain until given a colour. */
const STATUS_COLORS: Partial<Record<HouseholdStatus, string>> = {
  draft: 'default',
  first_review: 'processing',
  home_visit: 'processing',
  financial_check: 'processing',
  notice: 'gold',
  filed: 'success',
  refused: 'error',
  withdrawn: 'default',
};

/** 困难类别 as a coloured tag: 深度 red, 相对 orange, 意外 purple. */
export function TierTag({ tier, testId }: { tier: HardshipTier; testId?: string }) {
  return (
    <Tag color={TIER_COLORS[tier]} data-testid={testId}>
      {HARDSHIP_TIER_LABELS[tier]}
    </Tag>
  );
}

/** 档案状态 (the filing workflow's state) as a tag. */
export function HouseholdStatusTag({ status, testId }: { status: HouseholdStatus; testId?: string }) {
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid={testId}>
      {HOUSEHOLD_STATUS_LABELS[status]}
    </Tag>
  );
}

/** Money in yuan as the forms show it: 1,234.5 → 1,234.50. */
export const yuan = (value: number) => value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An ISO instant in Beijing time, to the minute. */
export const beijingMinute = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

/** Label pairs of a vocabulary, for a Select. */
export const optionsOf = <K extends string>(labels: Readonly<Record<K, string>>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
