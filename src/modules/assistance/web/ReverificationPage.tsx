import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Progress, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { z } from 'zod';
import { Link } from 'react-router';
import { isApiError } from '../../../web/api/client';
import { OrgTreeSelect, useScopeRoot } from '../../../web/components/OrgTreeSelect';
import { t } from '../../../web/i18n';
import { useMe } from '../../../web/session/session';
import { ASSISTANCE_REVIEW } from '../contract';
import type { TReverificationResult, ZReverificationProposal } from '../household-contract';
import { runReverification } from './household-api';
import { TierTag } from './household-tags';
import './households.css';

type Proposal = z.output<typeof ZReverificationProposal>;

/**
 * 年度复核 (应建则建、应帮尽帮、应退则退) for reviewers: a subtree and a day
 * (default today); the server re-classifies every filed household there against
 * the rules in force and records a proposal each. The run is one request: the
 * page shows it running, then the counts and the changes and exits.
 */
export function ReverificationPage() {
  const me = useMe();
  const canReview = me.permissions.includes(ASSISTANCE_REVIEW);
  const orgRoot = useScopeRoot(me.permissions.includes('orgs.read'));
  const [form] = Form.useForm<{ orgUnitId?: number; on?: string }>();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [result, setResult] = useState<TReverificationResult | undefined>();

  const start = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    setRunning(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await runReverification(values.orgUnitId ?? me.org.id, values.on || undefined));
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : String(caught));
    } finally {
      setRunning(false);
    }
  };

  const columns: ColumnsType<Proposal> = [
    { title: t('hh.field.name'), dataIndex: 'name', width: 100, render: (name: string, row) => <Link to={`/assistance/${row.householdId}`}>{name}</Link> },
    { title: t('hh.reverify.previousTier'), dataIndex: 'previousTier', width: 140, render: (_, row) => <TierTag tier={row.previousTier} /> },
    { title: t('hh.reverify.proposedTier'), dataIndex: 'proposedTier', width: 170, render: (_, row) => <TierTag tier={row.proposedTier} /> },
    { title: t('hh.reverify.outcome'), dataIndex: 'outcomeLabel', width: 200 },
    { title: t('hh.reverify.reasons'), dataIndex: 'reasons', render: (reasons: string[]) => reasons.join('；') },
  ];

  return (
    <div className="hh-page" data-testid="reverification-page">
      <Link to="/assistance" className="hh-back">
        <ArrowLeftOutlined /> {t('hh.detail.back')}
      </Link>
      <Card size="small" title={t('hh.reverify.title')}>
        <p className="hh-muted">{t('hh.reverify.intro')}</p>
        {!canReview && <Alert type="warning" showIcon title={t('hh.reverify.forbidden')} />}
        <Form form={form} layout="inline" className="hh-reverify-form" disabled={!canReview || running}>
          {orgRoot && (
            <Form.Item name="orgUnitId" label={t('hh.reverify.org')} initialValue={orgRoot.id} rules={[{ required: true, message: t('hh.reverify.orgRequired') }]}>
              <OrgTreeSelect root={orgRoot} />
            </Form.Item>
          )}
          <Form.Item name="on" label={t('hh.reverify.on')} extra={t('hh.reverify.onHint')}>
            <Input id="reverify-on" type="date" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" onClick={() => void start()} loading={running} data-testid="reverify-start">
              {t('hh.reverify.start')}
            </Button>
          </Form.Item>
        </Form>
        {running && (
          <div className="hh-reverify-running" data-testid="reverify-running">
            <Progress percent={99} status="active" showInfo={false} size="small" />
            <span className="hh-muted">{t('hh.reverify.running')}</span>
          </div>
        )}
        {error && <Alert type="error" showIcon title={error} className="hh-form-alert" />}
      </Card>
      {result && (
        <Card size="small" data-testid="reverify-result" title={t('hh.reverify.summary', { runId: result.runId, on: result.on, households: result.households, keep: result.keep, changeTier: result.changeTier, exit: result.exit })}>
          <Table<Proposal>
            size="small"
            rowKey="householdId"
            columns={columns}
            dataSource={result.proposals}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: t('hh.reverify.noProposals') }}
            scroll={{ x: 900 }}
          />
        </Card>
      )}
    </div>
  );
}
