import { ApartmentOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../web/api/client';
import { useLoad } from '../../../web/api/use-load';
import { t } from '../../../web/i18n';
import type { TPlanDetail, TPlanIssueRow } from '../contract';
import { fetchChildUnits, issuePlan, issuePlanToLevel } from './api';
import { formatInstant } from './plan-format';

/**
 * 下发: choose subordinate unions and issue, or issue to the whole level below
 * at once (every active direct subordinate, by type — the server resolves the
 * units, so a union added since the page loaded is included); below, whom the
 * union issued the plan to and who has signed for it.
 */
export function IssuePanel({ plan, onIssued }: { plan: TPlanDetail; onIssued: () => void }) {
  const { message, modal } = App.useApp();
  const canIssue = plan.viewer.can.issue;
  const children = useLoad(() => (canIssue ? fetchChildUnits(plan.viewer.orgUnit.id) : Promise.resolve([])), [plan.viewer.orgUnit.id, canIssue]);
  const [chosen, setChosen] = useState<number[]>([]);
  const [issuing, setIssuing] = useState(false);
  const issued = new Set(plan.issues.map((row) => row.orgUnit.id));
  const options = (children.data ?? []).filter((unit) => !issued.has(unit.id)).map((unit) => ({ value: unit.id, label: unit.name }));
  const level = (children.data ?? []).filter((unit) => unit.status === 'active');
  const levelTypes = [...new Set(level.map((unit) => unit.type))];
  const levelFresh = level.filter((unit) => !issued.has(unit.id)).length;

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

  const issueLevel = () =>
    modal.confirm({
      title: t('plans.issue.allLevel'),
      content: t('plans.issue.allLevelConfirm', { total: level.length, fresh: levelFresh }),
      onOk: async () => {
        try {
          const result = await issuePlanToLevel(plan.id, levelTypes);
          void message.success(t('plans.issue.done', { count: result.issued.length }));
          onIssued();
        } catch (caught) {
          void message.error(isApiError(caught) ? caught.message : t('page.loadFailed'));
        }
      },
    });

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
          <Tooltip title={levelFresh === 0 && level.length > 0 ? t('plans.issue.allIssued') : undefined}>
            <Button icon={<ApartmentOutlined />} disabled={levelFresh === 0 || issuing} onClick={issueLevel} data-testid="issue-all-level">
              {t('plans.issue.allLevel')}
            </Button>
          </Tooltip>
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
