import { Checkbox, Input, Select } from 'antd';
import type { TOrgNode } from '../../orgs/contract';
import { OrgTreeSelect } from '../../../web/components/OrgTreeSelect';
import { t } from '../../../web/i18n';
import { EMPLOYMENT_FORM_LABELS, MEMBERSHIP_STATUS_LABELS, type MembershipStatus } from '../contract';

/** What the member list is filtered by; undefined = not filtered (the unit: the acting unit). */
export type MemberFilters = {
  q?: string;
  orgUnitId?: number;
  status?: MembershipStatus;
  /** An employment form, or 'gig' for any 新就业形态 group. */
  employmentForm?: string;
  joinedYear?: number;
  /** 'due': active members without dues or activity for six months (to review, never removed automatically). */
  review?: 'due';
};

const EMPLOYMENT_OPTIONS = [
  { value: 'gig', label: t('members.filter.gig') },
  ...Object.entries(EMPLOYMENT_FORM_LABELS).map(([value, label]) => ({ value, label })),
];
const STATUS_OPTIONS = Object.entries(MEMBERSHIP_STATUS_LABELS).map(([value, label]) => ({ value: value as MembershipStatus, label }));
const FIRST_YEAR = 1950;
const thisYear = new Date().getFullYear();
const YEAR_OPTIONS = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, index) => {
  const year = thisYear - index;
  return { value: year, label: t('members.filter.year', { year }) };
});

/**
 * The member list's filters: search (name, full ID or phone number), unit
 * (only for users who may browse the org tree), 就业形态, 会籍状态, 入会年份.
 */
export function MemberFilterBar({
  filters,
  onChange,
  orgRoot,
}: {
  filters: MemberFilters;
  onChange: (filters: MemberFilters) => void;
  /** The acting unit for the unit picker; undefined hides the picker. */
  orgRoot: TOrgNode | undefined;
}) {
  const set = (patch: Partial<MemberFilters>) => onChange({ ...filters, ...patch });
  return (
    <div className="member-filters" data-testid="member-filters">
      <Input.Search
        id="member-search"
        allowClear
        placeholder={t('members.searchPlaceholder')}
        enterButton={t('members.search')}
        className="member-filter-search"
        onSearch={(value) => set({ q: value.trim() || undefined })}
      />
      {orgRoot && (
        <div className="member-filter-org" data-testid="member-filter-org">
          <OrgTreeSelect
            root={orgRoot}
            value={filters.orgUnitId ?? orgRoot.id}
            onChange={(orgUnitId) => set({ orgUnitId: orgUnitId === orgRoot.id ? undefined : orgUnitId })}
            placeholder={t('members.filter.org')}
          />
        </div>
      )}
      <Select<string>
        id="member-filter-employment"
        allowClear
        placeholder={t('members.filter.employmentForm')}
        className="member-filter-employment"
        value={filters.employmentForm}
        onChange={(employmentForm) => set({ employmentForm })}
        options={EMPLOYMENT_OPTIONS}
        popupMatchSelectWidth={false}
      />
      <Select<MembershipStatus>
        id="member-filter-status"
        allowClear
        placeholder={t('members.field.status')}
        className="member-filter-status"
        value={filters.status}
        onChange={(status) => set({ status })}
        options={STATUS_OPTIONS}
      />
      <Select<number>
        id="member-filter-year"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('members.filter.joinedYear')}
        className="member-filter-year"
        value={filters.joinedYear}
        onChange={(joinedYear) => set({ joinedYear })}
        options={YEAR_OPTIONS}
      />
      <Checkbox
        id="member-filter-review"
        checked={filters.review === 'due'}
        onChange={(event) => set({ review: event.target.checked ? 'due' : undefined })}
      >
        {t('members.filter.reviewDue')}
      </Checkbox>
    </div>
  );
}
