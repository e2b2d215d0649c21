import { App, Alert, Button } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../web/api/client';
import { t } from '../../../web/i18n';
import type { TPlanDetail } from '../contract';
import { acknowledgePlan } from './api';
import { formatInstant } from './plan-format';

/** How the viewer's union received the plan; 签收 while it has not signed for it. */
export function ReceiptBar({ plan, onChange }: { plan: TPlanDetail; onChange: (plan: TPlanDetail) => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const receipt = plan.viewer.receipt;
  if (!receipt) return null;
  const acknowledge = async () => {
    setBusy(true);
    try {
      onChange(await acknowledgePlan(plan.id));
      void message.success(t('plans.receipt.done'));
    } catch (caught) {
      void message.error(isApiError(caught) ? caught.message : t('page.loadFailed'));
    } finally {
      setBusy(false);
    }
  };
  if (receipt.acknowledgedAt) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="plan-receipt"
        title={t('plans.receipt.signed', { from: receipt.from.name, issuedAt: formatInstant(receipt.issuedAt), at: formatInstant(receipt.acknowledgedAt), by: receipt.acknowledgedBy ?? '' })}
      />
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="plan-receipt"
      title={t('plans.receipt.pending', { from: receipt.from.name, issuedAt: formatInstant(receipt.issuedAt) })}
      action={
        plan.viewer.can.acknowledge ? (
          <Button type="primary" size="small" loading={busy} onClick={() => void acknowledge()} data-testid="plan-acknowledge">
            {t('plans.receipt.acknowledge')}
          </Button>
        ) : undefined
      }
    />
  );
}
