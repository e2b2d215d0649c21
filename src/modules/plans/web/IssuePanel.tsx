import { SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../web/api/client';
import { useLoad } from '../../../web/api/use-load';
import { t } from '../../../web/i18n';
import type { TPlanDetail, TPlanIssueRow } from '../contract';
import { fetchChildUnits, issuePlan } from './api';
import { formatInstant } from './plan-format';

/** 下发: choose subordinate unions and issue; below, whom the union issued the plan to and who has signed for it. */
export function IssuePanel({ plan, onIssued }: { plan: TPlanDetail; onIssued: () => void }) {
  const { message } = App.useApp();
  const canIssue = plan.viewer.can.issue;
  const children = useLoad(() => (canIssue ? fetchChildUnits(plan.viewer.orgUnit.id) : Promise.resolve([])), [plan.viewer.orgUnit.id, canIssue]);
  const [chosen, setChosen] = useState<number[]>([]);
  const [issuing, setIssuing] = useState(false);
  const issued = new Set(plan.issues.map((row) => row.orgUnit.id));
  const options = (children.data ?? []).filter((unit) => !issued.has(unit.id)).map((unit) => ({ value: unit.id, label: unit.name }));

  const issue = async () => {
    setIssuing(true);
    try {
      const result = await issuePlan(plan.id, chosen);
      void message.success(t('plans.issue.done', { count: result.issued.length }));
      setChosen([]);
      onIssued();
    } catch (caught) {
      void message.error(isApiError(caught) ? caught.message : t('page.loadFailed'));
    } finally {
      setIssuing(false);
    }
  };

  return (
    <Card size="small" title={t('plans.issue.title')} data-testid="issue-panel">
      {canIssue ? (
        <Space.Compact className="plans-issue-bar">
          <Select
            id="issue-units"
            mode="multiple"
            value={chosen}
            onChange={setChosen}
            options={options}
            optionFilterProp="label"
            loading={children.loading}
            placeholder={t('plans.issue.placeholder')}
            maxTagCount="responsive"
            style={{ minWidth: 360, flex: 1 }}
          />
          <Button type="primary" icon={<SendOutlined />} disabled={chosen.length === 0} loading={issuing} onClick={() => void issue()} data-testid="issue-submit">
            {t('plans.issue.submit')}
          </Button>
        </Space.Compact>
      ) : null}
      <Table<TPlanIssueRow>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={plan.issues}
        locale={{ emptyText: t('plans.issue.none') }}
        data-testid="issue-table"
        columns={[
          { title: t('plans.issue.unit'), render: (_, row) => row.orgUnit.name },
          { title: t('plans.issue.issuedAt'), render: (_, row) => formatInstant(row.issuedAt), width: 150 },
          {
            title: t('plans.issue.receipt'),
            width: 220,
            render: (_, row) =>
              row.acknowledgedAt ? (
                <Tag color="green">{t('plans.issue.acknowledged', { at: formatInstant(row.acknowledgedAt) })}</Tag>
              ) : (
                <Tag color="orange">{t('plans.status.toAcknowledge')}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
