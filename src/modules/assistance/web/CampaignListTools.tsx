import { Alert, App, Button, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../web/api/client';
import { t } from '../../../web/i18n';
import type { TCampaignDetail } from '../aid-contract';
import { HARDSHIP_TIER_LABELS, type HardshipTier } from '../contract';
import type { THouseholdRow } from '../household-contract';
import { HARDSHIP_CAUSE_LABELS, type HardshipCause } from '../vocabulary';
import { addCampaignHousehold, selectCampaignHouseholds } from './aid-api';
import { fetchHouseholds } from './household-api';
import { optionsOf } from './household-tags';

/** The tiers a campaign selects by (filed households are deep, relative or accident). */
const SELECTABLE_TIERS: HardshipTier[] = ['deep', 'relative', 'accident'];

type Skipped = { householdId: number; name: string; reason: string }[];

/**
 * Building the list while the campaign is a draft: 按条件选取 (filed households
 * of the paying union's subtree by tier and cause) and 添加一户 (one filed
 * household, with an amount of its own if given). Households left out are
 * listed with the reason.
 */
export function CampaignListTools({ campaign, onChanged }: { campaign: TCampaignDetail; onChanged: () => void }) {
  const { message } = App.useApp();
  const [tiers, setTiers] = useState<HardshipTier[]>(['deep', 'relative']);
  const [causes, setCauses] = useState<HardshipCause[]>([]);
  const [skipped, setSkipped] = useState<Skipped>([]);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [candidates, setCandidates] = useState<THouseholdRow[] | undefined>();
  const [householdId, setHouseholdId] = useState<number | undefined>();
  const [amount, setAmount] = useState<number | null>(null);

  const run = async (work: () => Promise<{ added: number; skipped: Skipped }>) => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await work();
      setSkipped(result.skipped);
      void message.success(t('campaign.detail.selected', { added: result.added }));
      onChanged();
    } catch (caught) {
      if (!isApiError(caught)) throw caught;
      setError(caught.message);
    } finally {
      setBusy(false);
    }
  };
  const loadCandidates = () => {
    if (candidates) return;
    fetchHouseholds({ orgUnitId: campaign.payingUnion.id, status: 'filed', limit: 100 }).then(
      (page) => setCandidates(page.items),
      (caught: unknown) => setError(isApiError(caught) ? caught.message : String(caught)),
    );
  };
  const onList = new Set(campaign.rows.map((row) => row.householdId));

  return (
    <div className="campaign-tools" data-testid="campaign-tools">
      <div className="campaign-select">
        <strong>{t('campaign.detail.select')}</strong>
        <Select<HardshipTier[]>
          id="campaign-select-tiers"
          mode="multiple"
          allowClear
          placeholder={t('campaign.detail.selectTiers')}
          value={tiers}
          onChange={setTiers}
          options={optionsOf(HARDSHIP_TIER_LABELS).filter((option) => SELECTABLE_TIERS.includes(option.value))}
        />
        <Select<HardshipCause[]>
          id="campaign-select-causes"
          mode="multiple"
          allowClear
          placeholder={t('campaign.detail.selectCauses')}
          value={causes}
          onChange={setCauses}
          options={optionsOf(HARDSHIP_CAUSE_LABELS)}
        />
        <Button
          type="primary"
          loading={busy}
          data-testid="campaign-select-run"
          onClick={() => void run(() => selectCampaignHouseholds(campaign.id, { ...(tiers.length > 0 ? { tiers } : {}), ...(causes.length > 0 ? { causes } : {}) }))}
        >
          {t('campaign.detail.selectRun')}
        </Button>
      </div>
      <div className="campaign-select">
        <strong>{t('campaign.detail.addOne')}</strong>
        <Select<number>
          id="campaign-add-household"
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('campaign.detail.addHousehold')}
          value={householdId}
          onChange={setHouseholdId}
          onOpenChange={(open) => open && loadCandidates()}
          loading={candidates === undefined}
          options={(candidates ?? []).filter((row) => !onList.has(row.id)).map((row) => ({ value: row.id, label: `${row.name}（${row.tierLabel}，${row.union.name}）` }))}
        />
        <InputNumber id="campaign-add-amount" min={0} precision={2} placeholder={t('campaign.detail.addAmount')} value={amount} onChange={setAmount} />
        <Button
          disabled={householdId === undefined}
          loading={busy}
          data-testid="campaign-add"
          onClick={() =>
            void run(async () => {
              const result = await addCampaignHousehold(campaign.id, householdId!, amount ?? undefined);
              setHouseholdId(undefined);
              setAmount(null);
              return result;
            })
          }
        >
          {t('campaign.detail.add')}
        </Button>
      </div>
      {error && <Alert type="error" showIcon className="hh-form-alert" title={error} data-testid="campaign-tools-error" />}
      {skipped.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="hh-form-alert"
          data-testid="campaign-skipped"
          title={t('campaign.detail.skipped')}
          description={
            <Space direction="vertical" size={0}>
              {skipped.map((entry) => (
                <span key={entry.householdId}>
                  {entry.name}：{entry.reason}
                </span>
              ))}
            </Space>
          }
        />
      )}
    </div>
  );
}
