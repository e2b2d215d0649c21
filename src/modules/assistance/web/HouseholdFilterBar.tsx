import { Input, Select } from 'antd';
import type { TOrgNode } from '../../orgs/contract';
import { OrgTreeSelect } from '../../../web/components/OrgTreeSelect';
import { t } from '../../../web/i18n';
import { HARDSHIP_TIER_LABELS, type HardshipTier } from '../contract';
import { HARDSHIP_CAUSE_LABELS, HOUSEHOLD_STATUS_LABELS, type HardshipCause, type HouseholdStatus } from '../vocabulary';
import { optionsOf } from './household-tags';

/** What the file list is filtered by; undefined = not filtered (the unit: the acting unit). */
export type HouseholdFilters = { orgUnitId?: number; status?: HouseholdStatus; tier?: HardshipTier; cause?: HardshipCause; q?: string };

/**
 * The file list's filters: the start of the worker's name (the server searches
 * the whole subtree), unit (for users who may browse the org tree), status, tier, cause.
 */
export function HouseholdFilterBar({
  filters,
  onChange,
  orgRoot,
}: {
  filters: HouseholdFilters;
  onChange: (filters: HouseholdFilters) => void;
  orgRoot: TOrgNode | undefined;
}) {
  const set = (patch: Partial<HouseholdFilters>) => onChange({ ...filters, ...patch });
  return (
    <div className="hh-filters" data-testid="household-filters">
      <Input.Search
        id="household-search"
        allowClear
        placeholder={t('hh.list.searchPlaceholder')}
        className="hh-filter-search"
        maxLength={50}
        onSearch={(value) => set({ q: value.trim() || undefined })}
      />
      {orgRoot && (
        <div className="hh-filter-org" data-testid="household-filter-org">
          <OrgTreeSelect
            root={orgRoot}
            value={filters.orgUnitId ?? orgRoot.id}
            onChange={(orgUnitId) => set({ orgUnitId: orgUnitId === orgRoot.id ? undefined : orgUnitId })}
            placeholder={t('hh.filter.org')}
          />
        </div>
      )}
      <Select<HouseholdStatus>
        id="household-filter-status"
        allowClear
        placeholder={t('hh.filter.status')}
        className="hh-filter-select"
        value={filters.status}
        onChange={(status) => set({ status })}
        options={optionsOf(HOUSEHOLD_STATUS_LABELS)}
        popupMatchSelectWidth={false}
      />
      <Select<HardshipTier>
        id="household-filter-tier"
        allowClear
        placeholder={t('hh.filter.tier')}
        className="hh-filter-select"
        value={filters.tier}
        onChange={(tier) => set({ tier })}
        options={optionsOf(HARDSHIP_TIER_LABELS)}
        popupMatchSelectWidth={false}
      />
      <Select<HardshipCause>
        id="household-filter-cause"
        allowClear
        placeholder={t('hh.filter.cause')}
        className="hh-filter-select"
        value={filters.cause}
        onChange={(cause) => set({ cause })}
        options={optionsOf(HARDSHIP_CAUSE_LABELS)}
        popupMatchSelectWidth={false}
      />
    </div>
  );
}
