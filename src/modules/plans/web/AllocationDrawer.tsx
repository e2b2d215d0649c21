import { Alert, Button, Drawer, Empty, InputNumber, Space, Spin, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { isApiError } from '../../../web/api/client';
import { useLoad } from '../../../web/api/use-load';
import { LoadError } from '../../../web/components/LoadError';
import { t } from '../../../web/i18n';
import type { TAllocationState, TPlanIndicator } from '../contract';
import { fetchAllocation, saveAllocation } from './api';
import { formatNumber, indicatorLabel } from './plan-format';

type Row = { orgUnitId: number; name: string; value: number | null };

/**
 * 分解指标: the union's own target for one indicator split across the unions
 * it issued the plan to. The sum is shown against the target as one types;
 * falling short is a warning, not a refusal (the server says the same).
 */
export function AllocationDrawer({ indicator, onClose, onSaved }: { indicator: TPlanIndicator | undefined; onClose: () => void; onSaved: () => void }) {
  return (
    <Drawer open={indicator !== undefined} onClose={onClose} size={560} destroyOnHidden title={indicator ? t('plans.allocate.title', { label: indicatorLabel(indicator) }) : ''}>
      {indicator ? <AllocationForm indicator={indicator} onClose={onClose} onSaved={onSaved} /> : null}
    </Drawer>
  );
}

function AllocationForm({ indicator, onClose, onSaved }: { indicator: TPlanIndicator; onClose: () => void; onSaved: () => void }) {
  const loaded = useLoad(() => fetchAllocation(indicator.id), [indicator.id]);
  const [state, setState] = useState<TAllocationState | undefined>();
  const [rows, setRows] = useState<Row[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    if (!loaded.data) return;
    setState(loaded.data);
    setRows(loaded.data.allocations.map((row) => ({ orgUnitId: row.orgUnit.id, name: row.orgUnit.name, value: row.value })));
  }, [loaded.data]);

  if (loaded.error) return <LoadError error={loaded.error} inline onRetry={loaded.reload} />;
  if (!state) return <Spin />;

  const sum = rows.reduce((total, row) => total + (row.value ?? 0), 0);
  const target = state.target;
  const short = target !== null && sum < target && rows.length > 0;
  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const next = await saveAllocation(indicator.id, rows.filter((row) => row.value !== null).map((row) => ({ orgUnitId: row.orgUnitId, value: row.value! })));
      setState(next);
      onSaved();
      if (!next.warning) onClose();
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : t('page.loadFailed'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="plans-allocation" data-testid="allocation">
      <div className="plans-allocation-sum" data-testid="allocation-sum">
        <Typography.Text>{t('plans.allocate.target', { value: target === null ? t('plans.allocate.noTarget') : `${formatNumber(target)} ${indicator.unit}` })}</Typography.Text>
        <Typography.Text type={short ? 'warning' : undefined} strong>
          {t('plans.allocate.sum', { value: `${formatNumber(sum)} ${indicator.unit}` })}
        </Typography.Text>
      </div>
      {short ? <Alert type="warning" showIcon title={t('plans.allocate.short', { value: `${formatNumber(target - sum)} ${indicator.unit}` })} data-testid="allocation-warning" /> : null}
      {state.warning && !short ? <Alert type="warning" showIcon title={state.warning} /> : null}
      {rows.length === 0 ? (
        <Empty description={t('plans.allocate.noChildren')} />
      ) : (
        <Table<Row>
          size="small"
          rowKey="orgUnitId"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: t('plans.allocate.unit'), dataIndex: 'name' },
            {
              title: t('plans.allocate.value', { unit: indicator.unit }),
              width: 160,
              render: (_, row) => (
                <span data-testid={`allocation-${row.name}`}>
                <InputNumber
                  min={0}
                  value={row.value}
                  onChange={(value) => setRows((previous) => previous.map((item) => (item.orgUnitId === row.orgUnitId ? { ...item, value: typeof value === 'number' ? value : null } : item)))}
                />
                </span>
              ),
            },
          ]}
        />
      )}
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Space className="plans-drawer-actions">
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" loading={saving} disabled={rows.length === 0} onClick={() => void save()} data-testid="allocation-save">
          {t('plans.allocate.save')}
        </Button>
      </Space>
    </div>
  );
}
