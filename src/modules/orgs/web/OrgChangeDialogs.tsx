import { Alert, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { isApiError } from '../../../web/api/client';
import { OrgTreeSelect } from '../../../web/components/OrgTreeSelect';
import { t } from '../../../web/i18n';
import type { TOrgChangeResult, TOrgDetail, TOrgNode } from '../contract';
import { dissolveOrg, mergeOrg, moveOrg } from './api';

export type OrgChange = 'move' | 'merge' | 'dissolve';

type Values = { targetId: number; on: Dayjs };

const COPY = {
  move: { title: 'orgs.change.moveTitle', target: 'orgs.change.moveTarget', note: 'orgs.change.moveNote', ok: 'orgs.change.confirmMove' },
  merge: { title: 'orgs.change.mergeTitle', target: 'orgs.change.mergeTarget', note: 'orgs.change.mergeNote', ok: 'orgs.change.confirmMerge' },
  dissolve: {
    title: 'orgs.change.dissolveTitle',
    target: 'orgs.change.receiving',
    note: 'orgs.change.dissolveNote',
    ok: 'orgs.change.confirmDissolve',
  },
} as const;

const FIELD_OF = { move: 'parentId', merge: 'intoId', dissolve: 'receivingUnitId' } as const;

/**
 * 调整隶属关系 / 合并到… / 撤销: one dialog, a unit picker (the parent by default
 * when dissolving), the date of the decision and what will happen, said plainly.
 */
export function OrgChangeDialog({
  change,
  unit,
  root,
  onClose,
  onDone,
}: {
  change: OrgChange | undefined;
  unit: TOrgDetail;
  root: TOrgNode | undefined;
  onClose: () => void;
  onDone: (change: OrgChange, result: TOrgChangeResult) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const copy = COPY[change ?? 'move'];
  const hasActiveChildren = change === 'dissolve' && unit.childCount > 0;

  const close = () => {
    setError(undefined);
    onClose();
  };

  const submit = async () => {
    if (!change) return;
    const values = await form.validateFields();
    setSubmitting(true);
    setError(undefined);
    const on = values.on.format('YYYY-MM-DD');
    try {
      const result =
        change === 'move'
          ? await moveOrg(unit.id, { parentId: values.targetId, on })
          : change === 'merge'
            ? await mergeOrg(unit.id, { intoId: values.targetId, on })
            : await dissolveOrg(unit.id, { receivingUnitId: values.targetId, on });
      onDone(change, result);
    } catch (caught) {
      const message = isApiError(caught) ? caught.message : t('page.loadFailed');
      if (isApiError(caught) && caught.field === FIELD_OF[change]) form.setFields([{ name: 'targetId', errors: [message] }]);
      else if (isApiError(caught) && caught.field === 'on') form.setFields([{ name: 'on', errors: [message] }]);
      else setError(message);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      title={t(copy.title, { name: unit.name })}
      open={change !== undefined}
      okText={t(copy.ok)}
      okButtonProps={{ danger: change !== 'move', 'data-testid': 'org-change-submit' }}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => void submit()}
      onCancel={close}
      destroyOnHidden
      width={520}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="org-change-error" />}
      {hasActiveChildren && <Alert type="warning" showIcon title={t('orgs.change.dissolveChildren')} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ targetId: change === 'dissolve' ? (unit.parentId ?? undefined) : undefined, on: dayjs() }}
      >
        <Form.Item name="targetId" label={t(copy.target)} rules={[{ required: true, message: t('orgs.change.targetRequired') }]}>
          <OrgTreeSelect
            id="org-change-target"
            root={root}
            placeholder={t('orgs.change.targetRequired')}
            // The unit itself and dissolved unions cannot take anything; the server checks the rest.
            disabled={(org) => org.id === unit.id || org.status !== 'active'}
            preload={change === 'dissolve' ? unit.ancestors.slice(0, -1).map((item) => item.id) : undefined}
          />
        </Form.Item>
        <Form.Item name="on" label={t('orgs.change.on')} rules={[{ required: true, message: t('orgs.change.targetRequired') }]}>
          <DatePicker id="org-change-on" allowClear={false} disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
      <Typography.Paragraph type={change === 'move' ? 'secondary' : 'warning'} style={{ marginBottom: 0 }} data-testid="org-change-note">
        {t(copy.note)}
      </Typography.Paragraph>
    </Modal>
  );
}
