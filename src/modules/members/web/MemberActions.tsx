import { App, Button, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import { isApiError } from '../../../web/api/client';
import { t } from '../../../web/i18n';
import { useMe } from '../../../web/session/session';
import type { TMemberDetail } from '../contract';
import {
  approveApplication,
  cancelTransfer,
  endMembership,
  reactivateMembership,
  refuseApplication,
  type TLifecycleResult,
} from './api';
import { ReasonDialog, type ReasonDialogValues } from './ReasonDialog';
import { RetainDialog } from './RetainDialog';
import { TransferDialog } from './TransferDialog';

type Dialog = 'refuse' | 'transfer' | 'retain' | 'exit' | 'expel' | 'decease';

const errorText = (caught: unknown) => (isApiError(caught) ? caught.message : t('page.loadFailed'));

/**
 * What can be done to a membership in its status, as the user's permissions
 * allow: 批准 / 不予批准 (members.review) an application; 转会, 保留会籍,
 * 退会, 开除, 登记去世 (members.write) for a member; 恢复 / 退会 when retained;
 * 撤回 a transfer the user's union sent. Each asks first, then `onChanged` reloads.
 */
export function MemberActions({ member, onChanged }: { member: TMemberDetail; onChanged: () => void }) {
  const me = useMe();
  const { message, modal } = App.useApp();
  const [dialog, setDialog] = useState<Dialog | undefined>();
  const canWrite = me.permissions.includes('members.write');
  const canReview = me.permissions.includes('members.review');
  const status = member.status;
  const sentTransfer = member.pendingTransfer?.side === 'sending' ? member.pendingTransfer : null;

  const finish = (label: string) => {
    setDialog(undefined);
    void message.success(t('members.done', { action: label }));
    onChanged();
  };

  /** A confirmation for actions that need no more input; the request's failure is a message. */
  const confirm = (title: string, label: string, call: () => Promise<TLifecycleResult>, done?: (result: TLifecycleResult) => string) =>
    modal.confirm({
      title,
      okText: t('members.confirm.ok'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const result = await call();
          void message.success(done ? done(result) : t('members.done', { action: label }));
          onChanged();
        } catch (caught) {
          void message.error(errorText(caught));
        }
      },
    });

  const submitDialog = (label: string, call: (values: ReasonDialogValues) => Promise<TLifecycleResult>) => async (values: ReasonDialogValues) => {
    await call(values);
    finish(label);
  };

  const buttons: ReactNode[] = [];
  const add = (key: string, label: string, onClick: () => void, options: { primary?: boolean; danger?: boolean } = {}) =>
    buttons.push(
      <Button key={key} type={options.primary ? 'primary' : 'default'} danger={options.danger} onClick={onClick} data-testid={`member-action-${key}`}>
        {label}
      </Button>,
    );

  if (status === 'pending' && canReview) {
    add('approve', t('members.action.approve'), () =>
      confirm(t('members.confirm.approve', { name: member.name }), t('members.action.approve'), () => approveApplication(member.id), (result) =>
        t('members.done.approve', { card: result.cardNumber ?? t('members.none') }),
      ),
    { primary: true });
    add('refuse', t('members.action.refuse'), () => setDialog('refuse'), { danger: true });
  }
  if (status === 'active' && canWrite) {
    add('transfer', t('members.action.transfer'), () => setDialog('transfer'), { primary: true });
    add('retain', t('members.action.retain'), () => setDialog('retain'));
  }
  if (status === 'retained' && canWrite) {
    add('reactivate', t('members.action.reactivate'), () =>
      confirm(t('members.confirm.reactivate', { name: member.name }), t('members.action.reactivate'), () => reactivateMembership(member.id)),
    { primary: true });
  }
  if ((status === 'active' || status === 'retained') && canWrite) {
    add('exit', t('members.action.exit'), () => setDialog('exit'));
  }
  if (status === 'active' && canWrite) {
    add('expel', t('members.action.expel'), () => setDialog('expel'), { danger: true });
    add('decease', t('members.action.decease'), () => setDialog('decease'));
  }
  if (status === 'transferring' && sentTransfer && canWrite) {
    add('cancel-transfer', t('members.action.cancelTransfer'), () =>
      confirm(t('members.confirm.cancelTransfer', { name: member.name, org: sentTransfer.toOrgName }), t('members.action.cancelTransfer'), () =>
        cancelTransfer(sentTransfer.id),
      ),
    );
  }
  if (buttons.length === 0) return null;

  const close = () => setDialog(undefined);
  return (
    <>
      <Space wrap size={8} className="member-actions" data-testid="member-actions">
        {buttons}
      </Space>
      <ReasonDialog
        open={dialog === 'refuse'}
        title={t('members.dialog.refuseTitle', { name: member.name })}
        reasonRequired
        placeholder={t('members.dialog.refusePlaceholder')}
        okText={t('members.action.refuse')}
        danger
        onCancel={close}
        onSubmit={submitDialog(t('members.action.refuse'), ({ reason }) => refuseApplication(member.id, { reason }))}
      />
      <ReasonDialog
        open={dialog === 'exit'}
        title={t('members.dialog.exitTitle', { name: member.name })}
        reasonRequired={false}
        placeholder={t('members.dialog.exitPlaceholder')}
        okText={t('members.action.exit')}
        onCancel={close}
        onSubmit={submitDialog(t('members.action.exit'), ({ reason }) => endMembership(member.id, { kind: 'exited', reason }))}
      />
      <ReasonDialog
        open={dialog === 'expel'}
        title={t('members.dialog.expelTitle', { name: member.name })}
        reasonRequired
        notice={t('members.dialog.expelNote')}
        placeholder={t('members.dialog.expelPlaceholder')}
        okText={t('members.action.expel')}
        danger
        onCancel={close}
        onSubmit={submitDialog(t('members.action.expel'), ({ reason }) => endMembership(member.id, { kind: 'expelled', reason }))}
      />
      <ReasonDialog
        open={dialog === 'decease'}
        title={t('members.dialog.deceaseTitle', { name: member.name })}
        reasonRequired={false}
        askReason={false}
        dateLabel={t('members.dialog.deceaseOn')}
        okText={t('members.action.decease')}
        onCancel={close}
        onSubmit={submitDialog(t('members.action.decease'), ({ on }) => endMembership(member.id, { kind: 'deceased', on }))}
      />
      <TransferDialog member={member} open={dialog === 'transfer'} onCancel={close} onDone={() => finish(t('members.action.transfer'))} />
      <RetainDialog member={member} open={dialog === 'retain'} onCancel={close} onDone={() => finish(t('members.action.retain'))} />
    </>
  );
}
