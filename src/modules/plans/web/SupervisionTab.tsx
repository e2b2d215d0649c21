import { App, Button, Card, Checkbox, DatePicker, Empty, Form, Input, Modal, Radio, Space, Table, Tag, Timeline } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { isApiError } from '../../../web/api/client';
import { useLoad } from '../../../web/api/use-load';
import { LoadError } from '../../../web/components/LoadError';
import { t } from '../../../web/i18n';
import {
  SUPERVISION_ACTION_LABELS,
  SUPERVISION_KIND_LABELS,
  SUPERVISION_KINDS,
  SUPERVISION_STATUS_LABELS,
  type TSupervisionFlag,
  type TSupervisionItem,
  type TSupervisionKind,
} from '../supervision-contract';
import { orgTypeLabel } from '../../orgs/contract';
import { closeSupervision, fetchSupervision, issueSupervision, replySupervision } from './supervision-api';

type Dialog =
  | { kind: 'issue'; flag: TSupervisionFlag }
  | { kind: 'reply'; item: TSupervisionItem }
  | { kind: 'close'; item: TSupervisionItem };

type FormValues = { kind?: TSupervisionKind; comment?: string; replyDueOn?: Dayjs; expectedCompletionOn?: Dayjs; alsoSms?: boolean };

const STATUS_COLORS = { open: 'orange', replied: 'blue', closed: 'default' } as const;
const day = (value: Dayjs | undefined) => value?.format('YYYY-MM-DD');

/**
 * 督办: the measures flagged overdue or at risk at the caller's union and at
 * every union below it that holds the plan, each with its level (computed
 * live by the server, in tree order), with a 督办
 * button where the caller may supervise; and the 督办 items in the caller's
 * subtree with their log — the supervised union replies, the supervising one
 * closes.
 */
export function SupervisionTab({ planId }: { planId: number }) {
  const { message } = App.useApp();
  const loaded = useLoad(() => fetchSupervision(planId), [planId]);
  const [dialog, setDialog] = useState<Dialog | undefined>();
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form);

  if (loaded.error) return <LoadError error={loaded.error} inline onRetry={loaded.reload} />;
  const board = loaded.data;
  if (!board) return <Card loading />;

  const openDialog = (next: Dialog) => {
    form.resetFields();
    if (next.kind === 'issue') form.setFieldsValue({ kind: 'reminder', alsoSms: false });
    setDialog(next);
  };
  const submit = async () => {
    if (!dialog) return;
    const values = await form.validateFields();
    setSaving(true);
    try {
      if (dialog.kind === 'issue') {
        await issueSupervision(planId, {
          measureId: dialog.flag.measureId,
          orgUnitId: dialog.flag.orgUnit.id,
          kind: values.kind ?? 'reminder',
          comment: values.comment ?? '',
          replyDueOn: values.kind === 'letter' ? (day(values.replyDueOn) ?? null) : null,
          alsoSms: values.alsoSms ?? false,
        });
        void message.success(t('plans.supervision.issued'));
      } else if (dialog.kind === 'reply') {
        await replySupervision(planId, dialog.item.id, { version: dialog.item.version, comment: values.comment ?? '', expectedCompletionOn: day(values.expectedCompletionOn) ?? '' });
        void message.success(t('plans.supervision.replied'));
      } else {
        await closeSupervision(planId, dialog.item.id, { version: dialog.item.version, comment: values.comment ?? '' });
        void message.success(t('plans.supervision.closed'));
      }
      setDialog(undefined);
      loaded.reload();
    } catch (error) {
      if (isApiError(error) && error.field) form.setFields([{ name: error.field as keyof FormValues, errors: [error.message] }]);
      else void message.error(isApiError(error) ? error.message : t('page.loadFailed'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="plans-supervision" data-testid="plan-supervision">
      <Card size="small" title={t('plans.supervision.flags')} extra={<span className="plans-muted">{t('plans.supervision.flagsHint')}</span>}>
        <Table<TSupervisionFlag>
          size="small"
          rowKey={(flag) => `${flag.measureId}:${flag.orgUnit.id}`}
          dataSource={board.flags}
          pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.supervision.noFlags')} /> }}
          columns={[
            { title: t('plans.supervision.measure'), key: 'measure', render: (_, flag) => `${flag.measureNo} ${flag.measureTitle}` },
            { title: t('plans.supervision.unit'), key: 'unit', render: (_, flag) => flag.orgUnit.name },
            { title: t('plans.supervision.level'), key: 'level', render: (_, flag) => orgTypeLabel(flag.orgUnit.type) },
            {
              title: t('plans.supervision.flag'),
              key: 'flag',
              render: (_, flag) => <Tag color={flag.flag === 'overdue' ? 'red' : 'gold'}>{flag.flag === 'overdue' ? t('plans.supervision.overdue') : t('plans.supervision.atRisk')}</Tag>,
            },
            { title: t('plans.supervision.reasons'), key: 'reasons', render: (_, flag) => flag.reasons.join('；') },
            { title: t('plans.supervision.deadline'), dataIndex: 'deadline', render: (value: string | null) => value ?? '—' },
            {
              key: 'actions',
              render: (_, flag) => (
                <Space size={4}>
                  {flag.openItems > 0 ? <Tag>{t('plans.supervision.openItems', { count: flag.openItems })}</Tag> : null}
                  {flag.canSupervise ? (
                    <Button size="small" type="primary" ghost onClick={() => openDialog({ kind: 'issue', flag })}>
                      {t('plans.supervision.issue')}
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('plans.supervision.items')} className="plans-supervision-items">
        {board.items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.supervision.noItems')} />
        ) : (
          board.items.map((item) => (
            <Card
              key={item.id}
              size="small"
              type="inner"
              className="plans-supervision-item"
              data-testid={`supervision-item-${item.id}`}
              title={
                <Space size={6} wrap>
                  <Tag color="volcano">{SUPERVISION_KIND_LABELS[item.kind]}</Tag>
                  <span>{`${item.measureNo} ${item.measureTitle}`}</span>
                  <Tag color={STATUS_COLORS[item.status]}>{SUPERVISION_STATUS_LABELS[item.status]}</Tag>
                </Space>
              }
              extra={
                <Space size={4}>
                  {item.canReply ? (
                    <Button size="small" type="primary" onClick={() => openDialog({ kind: 'reply', item })}>
                      {t('plans.supervision.reply')}
                    </Button>
                  ) : null}
                  {item.canClose ? (
                    <Button size="small" onClick={() => openDialog({ kind: 'close', item })}>
                      {t('plans.supervision.close')}
                    </Button>
                  ) : null}
                </Space>
              }
            >
              <div className="plans-muted">
                {t('plans.supervision.from')}：{item.fromOrgUnit.name} → {t('plans.supervision.to')}：{item.orgUnit.name}
                {item.replyDueOn ? ` · ${t('plans.supervision.dueBy', { date: item.replyDueOn })}` : ''}
                {item.expectedCompletionOn ? ` · ${t('plans.supervision.expected', { date: item.expectedCompletionOn })}` : ''}
              </div>
              <Timeline
                className="plans-supervision-log"
                items={item.actions.map((action) => ({
                  key: action.id,
                  color: action.action === 'close' ? 'gray' : action.action === 'reply' ? 'blue' : 'red',
                  content: (
                    <div>
                      <strong>{SUPERVISION_ACTION_LABELS[action.action]}</strong> · {action.actorOrgUnit} {action.actor ?? ''} · 
                      <span className="plans-muted">{new Date(action.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}</span>
                      {action.smsQueued ? <Tag className="plans-supervision-sms">{t('plans.supervision.sms')}</Tag> : null}
                      {action.comment ? <div>{action.comment}</div> : null}
                      {action.expectedCompletionOn ? <div className="plans-muted">{t('plans.supervision.expected', { date: action.expectedCompletionOn })}</div> : null}
                    </div>
                  ),
                }))}
              />
            </Card>
          ))
        )}
      </Card>
      <Modal
        open={dialog !== undefined}
        title={
          dialog?.kind === 'issue'
            ? t('plans.supervision.issueTitle', { unit: dialog.flag.orgUnit.name })
            : dialog
              ? dialog.kind === 'reply'
                ? t('plans.supervision.replyTitle', { measure: `${dialog.item.measureNo} ${dialog.item.measureTitle}` })
                : t('plans.supervision.close')
              : ''
        }
        okText={t('plans.supervision.submit')}
        cancelText={t('plans.supervision.cancel')}
        confirmLoading={saving}
        onOk={() => void submit()}
        onCancel={() => setDialog(undefined)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {dialog?.kind === 'issue' ? (
            <>
              <Form.Item name="kind" label={t('plans.supervision.kind')}>
                <Radio.Group optionType="button" options={SUPERVISION_KINDS.map((value) => ({ value, label: SUPERVISION_KIND_LABELS[value] }))} />
              </Form.Item>
              <Form.Item name="comment" label={t('plans.supervision.comment')} rules={[{ required: true, message: '请填写督办内容' }]}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
              {kind === 'letter' ? (
                <Form.Item name="replyDueOn" label={t('plans.supervision.replyDueOn')} rules={[{ required: true, message: '督办函须写明答复时限' }]}>
                  <DatePicker />
                </Form.Item>
              ) : null}
              <Form.Item name="alsoSms" valuePropName="checked">
                <Checkbox>{t('plans.supervision.alsoSms')}</Checkbox>
              </Form.Item>
            </>
          ) : dialog?.kind === 'reply' ? (
            <>
              <Form.Item name="comment" label={t('plans.supervision.replyComment')} rules={[{ required: true, message: '请填写情况说明' }]}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
              <Form.Item name="expectedCompletionOn" label={t('plans.supervision.expectedCompletionOn')} rules={[{ required: true, message: '请选择预计完成日期' }]}>
                <DatePicker />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="comment" label={t('plans.supervision.closeComment')}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </div>
  );
}
