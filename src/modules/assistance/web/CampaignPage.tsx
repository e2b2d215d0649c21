import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Space, Spin, Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../web/api/client';
import { useLoad } from '../../../web/api/use-load';
import { ExportPurposeDialog } from '../../../web/components/ExportPurposeDialog';
import { LoadError } from '../../../web/components/LoadError';
import { t } from '../../../web/i18n';
import { useMe } from '../../../web/session/session';
import type { TWorkflowAction } from '../../../core/workflow/contract';
import { ASSISTANCE_EXPORT, type TCampaignDetail } from '../aid-contract';
import { ASSISTANCE_WRITE, HARDSHIP_TIER_LABELS } from '../contract';
import { campaignExportUrl, decideCampaign, fetchCampaign, removeCampaignHousehold } from './aid-api';
import { CampaignListTools } from './CampaignListTools';
import { CampaignReceiptDialog } from './CampaignReceiptDialog';
import { CampaignRowStatusTag, CampaignStatusTag } from './CampaignStatusTag';
import { yuan } from './household-tags';
import './aid.css';
import './households.css';

type Row = TCampaignDetail['rows'][number];
type Decision = { transition: string; households: number; amount: number; excluded: { householdId: number; name: string; reason: string }[] };

const STEPS = ['approve', 'distribute', 'cancel'] as const;
type Step = (typeof STEPS)[number];
const isStep = (transition: string): transition is Step => (STEPS as readonly string[]).includes(transition);

/** A household on a distributed list that has not signed yet. */
const awaitingReceipt = (row: Row) => row.status === 'distributed' && row.receivedOn === null;

/**
 * One 批量帮扶活动 (/assistance/campaigns/:id): its terms, the list (built by
 * filter or by hand while a draft), 审批名单 (households over a cap or no
 * longer filed are left out, each with the reason), 发放 (one record per
 * household), 签收 per household or in bulk, and the 签收 sheet as .xlsx.
 */
export function CampaignPage() {
  const me = useMe();
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const [round, setRound] = useState(0);
  const loaded = useLoad(() => fetchCampaign(id), [id, me.org.id, round]);
  const [decision, setDecision] = useState<Decision | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const [cancelling, setCancelling] = useState(false);
  const [receipt, setReceipt] = useState<number[] | 'all' | undefined>();
  const [selected, setSelected] = useState<number[]>([]);
  const [isExporting, setIsExporting] = useState(false);
  const [cancelForm] = Form.useForm<{ comment: string }>();
  const refresh = () => setRound((value) => value + 1);

  if (loaded.error) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  const campaign = loaded.data;
  if (!campaign) return <Spin className="hh-spin" />;
  const canWrite = me.permissions.includes(ASSISTANCE_WRITE);
  const canExport = me.permissions.includes(ASSISTANCE_EXPORT);
  const isDraft = campaign.status === 'draft';

  const decide = async (step: Step, comment?: string) => {
    if (!campaign.workflow) return;
    setBusy(step);
    setError(undefined);
    try {
      const result = await decideCampaign(campaign.id, step, campaign.workflow.version, comment);
      setDecision({ transition: step, households: result.households, amount: result.amount, excluded: result.excluded });
      setCancelling(false);
      refresh();
    } catch (caught) {
      if (!isApiError(caught)) throw caught;
      if (caught.code === 'WORKFLOW_VERSION_CONFLICT') {
        void message.warning(t('campaign.detail.stale'));
        refresh();
      } else setError(caught.message);
    } finally {
      setBusy(undefined);
    }
  };
  const choose = (action: TWorkflowAction) => {
    if (!isStep(action.transition)) return;
    if (action.transition === 'cancel') {
      cancelForm.resetFields();
      setCancelling(true);
    } else void decide(action.transition);
  };
  const remove = async (householdId: number) => {
    try {
      await removeCampaignHousehold(campaign.id, householdId);
      void message.success(t('campaign.detail.removed'));
      refresh();
    } catch (caught) {
      if (!isApiError(caught)) throw caught;
      setError(caught.message);
    }
  };

  const columns: ColumnsType<Row> = [
    { title: t('campaign.row.name'), dataIndex: 'name', width: 100 },
    { title: t('campaign.row.idNumber'), dataIndex: 'idNumberMasked', width: 190 },
    { title: t('campaign.row.union'), key: 'union', ellipsis: true, render: (_, row) => row.union.name },
    { title: t('campaign.row.tier'), dataIndex: 'tierLabel', width: 100 },
    { title: t('campaign.row.amount'), dataIndex: 'amount', width: 110, align: 'right', render: (value: number) => yuan(value) },
    {
      title: t('campaign.row.status'),
      dataIndex: 'status',
      width: 260,
      render: (_, row) => (
        <span data-testid={`campaign-row-status-${row.householdId}`}>
          <CampaignRowStatusTag status={row.status} />
          {row.excludedReason && <span className="hh-muted">{row.excludedReason}</span>}
        </span>
      ),
    },
    {
      title: t('campaign.row.receipt'),
      key: 'receipt',
      width: 170,
      render: (_, row) => (row.receivedOn ? `${row.receiptSigner ?? ''} ${row.receivedOn}` : row.status === 'distributed' ? t('aid.receipt.none') : ''),
    },
    {
      key: 'actions',
      width: 90,
      render: (_, row) =>
        isDraft && canWrite ? (
          <Button type="link" size="small" danger onClick={() => void remove(row.householdId)} data-testid={`campaign-remove-${row.householdId}`}>
            {t('campaign.detail.remove')}
          </Button>
        ) : canWrite && awaitingReceipt(row) ? (
          <Button type="link" size="small" onClick={() => setReceipt([row.householdId])} data-testid={`campaign-receipt-${row.householdId}`}>
            {t('campaign.detail.receipt')}
          </Button>
        ) : null,
    },
  ];
  const waiting = campaign.rows.filter(awaitingReceipt);
  const tierAmounts = (Object.entries(campaign.tierAmounts) as [keyof typeof campaign.tierAmounts, number][]).map(([tier, amount]) => `${HARDSHIP_TIER_LABELS[tier]} ${yuan(amount)}`);

  return (
    <div className="hh-page campaign-page" data-testid="campaign-page">
      <div className="hh-page-head">
        <Link to="/assistance/campaigns" className="hh-back">
          <ArrowLeftOutlined /> {t('campaign.detail.back')}
        </Link>
        <h1 className="page-title hh-title" data-testid="campaign-title">
          {campaign.name}
        </h1>
        <CampaignStatusTag status={campaign.status} testId="campaign-status" />
        <span className="hh-muted" data-testid="campaign-summary">
          {t('campaign.detail.summary', { households: campaign.rows.filter((row) => row.status !== 'excluded').length, amount: yuan(campaign.amount), budget: yuan(campaign.budget) })}
        </span>
      </div>
      <Card size="small">
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('campaign.col.category')}>{campaign.categoryLabel}</Descriptions.Item>
          <Descriptions.Item label={t('campaign.col.source')}>{campaign.fundingSourceLabel}</Descriptions.Item>
          <Descriptions.Item label={t('campaign.col.payingUnion')}>{campaign.payingUnion.name}</Descriptions.Item>
          <Descriptions.Item label={t('campaign.col.standard')}>
            {[yuan(campaign.standardAmount), ...tierAmounts].join('；')}
          </Descriptions.Item>
          <Descriptions.Item label={t('campaign.col.budget')}>{yuan(campaign.budget)}</Descriptions.Item>
          <Descriptions.Item label={t('campaign.col.date')}>{campaign.aidDate}</Descriptions.Item>
          {campaign.itemDescription && <Descriptions.Item label={t('aid.form.item')}>{campaign.itemDescription}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small" title={t('aid.record.workflow')}>
        <Space wrap>
          {campaign.actions.map((action) => {
            const button = (
              <Button
                key={action.transition}
                type={action.transition === 'cancel' ? 'default' : 'primary'}
                danger={action.transition === 'cancel'}
                disabled={action.blockedBy !== null}
                loading={busy === action.transition}
                onClick={() => choose(action)}
                data-testid={`campaign-action-${action.transition}`}
              >
                {action.label}
              </Button>
            );
            return action.blockedBy ? (
              <Tooltip key={action.transition} title={action.blockedBy}>
                <span>{button}</span>
              </Tooltip>
            ) : (
              button
            );
          })}
          {canWrite && waiting.length > 0 && (
            <>
              <Button type="primary" onClick={() => setReceipt('all')} data-testid="campaign-receipt-all">
                {t('campaign.detail.receiptBulk')}
              </Button>
              <Button disabled={selected.length === 0} onClick={() => setReceipt(selected)} data-testid="campaign-receipt-selected">
                {t('campaign.detail.receiptSelected')}
              </Button>
            </>
          )}
          {canExport && campaign.status !== 'draft' && campaign.status !== 'cancelled' && (
            <Button icon={<DownloadOutlined />} onClick={() => setIsExporting(true)} data-testid="campaign-export">
              {t('campaign.detail.export')}
            </Button>
          )}
        </Space>
        {campaign.actions
          .filter((action) => action.blockedBy)
          .map((action) => (
            <div key={action.transition} className="hh-blocked" data-testid={`campaign-blocked-${action.transition}`}>
              {t('hh.action.blocked')}「{action.label}」：{action.blockedBy}
            </div>
          ))}
        {error && <Alert type="error" showIcon className="hh-form-alert" title={error} data-testid="campaign-error" />}
        {decision && (
          <Alert
            type={decision.excluded.length > 0 ? 'warning' : 'success'}
            showIcon
            className="hh-form-alert"
            data-testid="campaign-decision"
            title={
              decision.transition === 'approve'
                ? t('campaign.detail.approved', { households: decision.households, amount: yuan(decision.amount) })
                : t('campaign.detail.distributed', { households: decision.households, amount: yuan(decision.amount) })
            }
            description={
              decision.excluded.length > 0 ? (
                <div data-testid="campaign-excluded">
                  <div>{t('campaign.detail.excluded')}</div>
                  {decision.excluded.map((entry) => (
                    <div key={entry.householdId}>
                      {entry.name}：{entry.reason}
                    </div>
                  ))}
                </div>
              ) : undefined
            }
          />
        )}
      </Card>
      <Card size="small">
        {isDraft && canWrite && <CampaignListTools campaign={campaign} onChanged={refresh} />}
        <Table<Row>
          rowKey="householdId"
          size="small"
          columns={columns}
          dataSource={campaign.rows}
          pagination={false}
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('campaign.row.empty') }}
          data-testid="campaign-rows"
          rowSelection={
            canWrite && waiting.length > 0
              ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), getCheckboxProps: (row) => ({ disabled: !awaitingReceipt(row) }) }
              : undefined
          }
        />
      </Card>
      <Modal
        title={t('campaign.detail.cancel')}
        open={cancelling}
        okText={t('aid.action.ok')}
        cancelText={t('aid.form.cancel')}
        confirmLoading={busy === 'cancel'}
        onCancel={() => setCancelling(false)}
        onOk={() => void cancelForm.validateFields().then(({ comment }) => decide('cancel', comment.trim()), () => undefined)}
        forceRender
      >
        <Form form={cancelForm} layout="vertical" requiredMark={false}>
          <Form.Item name="comment" label={t('campaign.detail.cancelReason')} rules={[{ required: true, whitespace: true, message: t('aid.form.required', { label: t('campaign.detail.cancelReason') }) }]}>
            <Input.TextArea id="campaign-cancel-reason" rows={2} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      </Modal>
      <CampaignReceiptDialog
        campaignId={campaign.id}
        target={receipt}
        onClose={() => setReceipt(undefined)}
        onDone={(confirmed) => {
          setReceipt(undefined);
          setSelected([]);
          void message.success(t('campaign.detail.receiptDone', { confirmed }));
          refresh();
        }}
      />
      <ExportPurposeDialog
        open={isExporting}
        title={t('campaign.detail.exportTitle')}
        intro={t('campaign.detail.exportIntro')}
        onCancel={() => setIsExporting(false)}
        onConfirm={(purpose) => {
          setIsExporting(false);
          // A plain navigation downloads the file; the server audits it and watermarks the purpose.
          window.location.assign(campaignExportUrl(campaign.id, purpose));
        }}
      />
    </div>
  );
}
