import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../web/api/client';
import { roleLabel, t } from '../../../web/i18n';
import type { TOrgNode } from '../../orgs/contract';
import { isAdminRole, LOGIN_PATTERN, type Role, ROLES, type TAccountRow, type TCreatedAccount } from '../contract';
import { createAccount, grantRole } from './api';
import { OrgTreeSelect } from '../../../web/components/OrgTreeSelect';

/** Role choices: business roles always; the administrator roles only for a caller at the root (the server checks again). */
export function roleOptions(atRoot: boolean) {
  const business = ROLES.filter((role) => !isAdminRole(role)).map((role) => ({ value: role, label: roleLabel(role) }));
  if (!atRoot) return business;
  return [
    { label: t('accounts.roles.business'), options: business },
    { label: t('accounts.roles.admin'), options: ROLES.filter(isAdminRole).map((role) => ({ value: role, label: roleLabel(role) })) },
  ];
}

const errorText = (caught: unknown) => (isApiError(caught) ? caught.message : t('page.loadFailed'));

type CreateValues = { login: string; name: string; phone?: string; orgUnitId: number; roles: Role[] };

/** 新建账号: login, name, optional phone, a unit in scope and the roles there. */
export function CreateAccountDialog({
  open,
  root,
  onClose,
  onCreated,
}: {
  open: boolean;
  root: TOrgNode | undefined;
  onClose: () => void;
  onCreated: (created: TCreatedAccount) => void;
}) {
  const [form] = Form.useForm<CreateValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const atRoot = root?.parentId === null;

  const close = () => {
    form.resetFields();
    setError(undefined);
    onClose();
  };

  const submit = async () => {
    const values = await form.validateFields();
    setSubmitting(true);
    setError(undefined);
    try {
      const created = await createAccount({ ...values, phone: values.phone?.trim() || undefined });
      form.resetFields();
      onCreated(created);
    } catch (caught) {
      const field = isApiError(caught) ? caught.field : undefined;
      if (field && ['login', 'name', 'phone', 'orgUnitId', 'roles'].includes(field)) {
        form.setFields([{ name: field as keyof CreateValues, errors: [errorText(caught)] }]);
      } else {
        setError(errorText(caught));
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      title={t('accounts.form.title')}
      open={open}
      okText={t('accounts.form.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => void submit()}
      onCancel={close}
      destroyOnHidden
      width={520}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" requiredMark={false} size="middle" initialValues={{ orgUnitId: root?.id, roles: ['clerk'] }}>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item
            name="login"
            label={t('accounts.form.login')}
            style={{ flex: 1 }}
            normalize={(value: string) => value.trim().toLowerCase()}
            rules={[
              { required: true, message: t('accounts.form.loginRequired') },
              { pattern: LOGIN_PATTERN, message: t('accounts.form.loginInvalid') },
            ]}
          >
            <Input id="account-login" autoComplete="off" placeholder={t('accounts.form.loginPlaceholder')} maxLength={64} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('accounts.form.name')}
            style={{ width: 150 }}
            rules={[{ required: true, whitespace: true, message: t('accounts.form.nameRequired') }]}
          >
            <Input id="account-name" autoComplete="off" maxLength={50} />
          </Form.Item>
        </div>
        <Form.Item name="phone" label={t('accounts.form.phone')}>
          <Input id="account-phone" autoComplete="off" inputMode="tel" maxLength={20} placeholder={t('accounts.form.phonePlaceholder')} />
        </Form.Item>
        <Form.Item name="orgUnitId" label={t('accounts.form.org')} rules={[{ required: true, message: t('accounts.form.orgRequired') }]}>
          <OrgTreeSelect id="account-org" root={root} placeholder={t('accounts.form.orgPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('accounts.form.roles')}
          extra={atRoot ? t('accounts.form.adminNote') : undefined}
          rules={[{ required: true, type: 'array', min: 1, message: t('accounts.form.rolesRequired') }]}
        >
          <Select<Role[]> id="account-roles" mode="multiple" options={roleOptions(atRoot)} />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('accounts.form.passwordNote')}
      </Typography.Text>
    </Modal>
  );
}

/** Shows the one-time initial password once; nothing keeps it after the dialog closes. */
export function InitialPasswordDialog({ created, onClose }: { created: TCreatedAccount | undefined; onClose: () => void }) {
  return (
    <Modal
      title={t('accounts.password.title')}
      open={created !== undefined}
      onOk={onClose}
      onCancel={onClose}
      okText={t('accounts.password.done')}
      cancelButtonProps={{ style: { display: 'none' } }}
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
    >
      {created && (
        <>
          <p>{t('accounts.password.intro', { name: created.account.name, login: created.account.login })}</p>
          <div style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '10px 14px', background: '#f6f8fa', border: '1px solid #e5e8ed', borderRadius: 4 }}>
            <span style={{ color: '#5c6370' }}>{t('accounts.password.label')}</span>
            <Typography.Text className="mono" copyable strong style={{ fontSize: 18, letterSpacing: 1 }} data-testid="initial-password">
              {created.initialPassword}
            </Typography.Text>
          </div>
          <Alert type="warning" showIcon title={t('accounts.password.once')} style={{ marginTop: 12 }} />
        </>
      )}
    </Modal>
  );
}

type GrantValues = { orgUnitId: number; role: Role };

/** 授予角色: a unit in scope and a role there. */
export function GrantRoleDialog({
  account,
  root,
  onClose,
  onGranted,
}: {
  account: TAccountRow | undefined;
  root: TOrgNode | undefined;
  onClose: () => void;
  onGranted: (row: TAccountRow) => void;
}) {
  const [form] = Form.useForm<GrantValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const close = () => {
    form.resetFields();
    setError(undefined);
    onClose();
  };

  const submit = async () => {
    if (!account) return;
    const values = await form.validateFields();
    setSubmitting(true);
    setError(undefined);
    try {
      const row = await grantRole(account.id, values);
      form.resetFields();
      onGranted(row);
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      title={t('accounts.grant.title', { login: account?.login ?? '' })}
      open={account !== undefined}
      okText={t('accounts.grant.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => void submit()}
      onCancel={close}
      destroyOnHidden
      width={460}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ orgUnitId: root?.id }}>
        <Form.Item name="orgUnitId" label={t('accounts.form.org')} rules={[{ required: true, message: t('accounts.form.orgRequired') }]}>
          <OrgTreeSelect id="grant-org" root={root} placeholder={t('accounts.form.orgPlaceholder')} />
        </Form.Item>
        <Form.Item name="role" label={t('accounts.grant.role')} rules={[{ required: true, message: t('accounts.grant.roleRequired') }]}>
          <Select<Role> id="grant-role" options={roleOptions(root?.parentId === null)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
