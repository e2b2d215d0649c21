import { Card } from 'antd';
import { t } from '../../../web/i18n';
import { HARDSHIP_TIER_LABELS } from '../contract';
import type { THouseholdDetail } from '../household-contract';
import { beijingMinute, TierTag, yuan } from './household-tags';

/**
 * 困难类别认定 with its explanation: the tier, the figures compared (月人均
 * vs the local 低保 standard used, and the day whose rules applied) and the
 * reasons the rules give, arithmetic included.
 */
export function ClassificationCard({ household }: { household: THouseholdDetail }) {
  const { classification } = household;
  return (
    <Card size="small" title={t('hh.detail.classification')} className="hh-classification" data-testid="household-classification">
      <div className="hh-classification-head">
        <TierTag tier={classification.tier} testId="household-tier" />
        <span>{t('hh.detail.perCapita', { value: yuan(classification.perCapitaMonthly) })}</span>
        <span>{t('hh.detail.dibao', { dibao: yuan(classification.dibao) })}</span>
        {household.filedTier && <span>{t('hh.detail.filedTier', { tier: HARDSHIP_TIER_LABELS[household.filedTier] })}</span>}
      </div>
      <ol className="hh-reasons" data-testid="household-reasons">
        {classification.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ol>
      <div className="hh-muted">{t('hh.detail.classificationMeta', { day: classification.rulesDay, at: beijingMinute(classification.classifiedAt) })}</div>
    </Card>
  );
}
