import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { isApiError } from '../api/client';
import { AuthScreen } from '../components/AuthScreen';
import { t } from '../i18n';
import { useSession } from '../session/session';

type PasswordForm = { currentPassword: string; newPassword: string; confirm: string };

/** A required password change at sign-in: an assigned first password, or one past its rotation period. */
export function PasswordChangePage() {
  const { changePassword, logout } = useSession();
  const [form] = Form.useForm<PasswordForm>();
  const [submitting, setSubmitting] = useState(false);
  const [serverError, setServerError] = useState<string | undefined>();

  const submit = async (values: PasswordForm) => {
    setSubmitting(true);
    setServerError(undefined);
    try {
      await changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
    } catch (error) {
      if (isApiError(error) && (error.field === 'newPassword' || error.field === 'currentPassword')) {
        form.setFields([{ name: error.field, errors: [error.message] }]);
      } else {
        setServerError(isApiError(error) ? error.message : t('login.failed'));
      }
      setSubmitting(false);
    }
  };

  return (
    <AuthScreen>
          <div className="login-title">{t('password.title')}</div>
          <p className="second-factor-hint">{t('password.hint')}</p>
          {serverError && <Alert className="login-alert" type="error" showIcon title={serverError} />}
          <Form<PasswordForm> form={form} layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)}>
            <Form.Item label={t('password.current')} name="currentPassword" rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password id="currentPassword" prefix={<LockOutlined className="login-input-icon" />} autoComplete="current-password" />
            </Form.Item>
            <Form.Item label={t('password.new')} name="newPassword" rules={[{ required: true, min: 12, message: t('password.hint') }]}>
              <Input.Password id="newPassword" prefix={<LockOutlined className="login-input-icon" />} autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              label={t('password.confirm')}
              name="confirm"
              dependencies={['newPassword']}
              rules={[
                { required: true, message: t('password.mismatch') },
                ({ getFieldValue }) => ({
                  validator: (_, value) =>
                    value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
                }),
              ]}
            >
              <Input.Password id="confirmPassword" prefix={<LockOutlined className="login-input-icon" />} autoComplete="new-password" />
            </Form.Item>
            <Form.Item className="login-submit">
              <Button type="primary" htmlType="submit" block loading={submitting}>
                {t('password.submit')}
              </Button>
            </Form.Item>
          </Form>
          <Button type="link" block onClick={() => void logout()}>
            {t('secondFactor.cancel')}
          </Button>
    </AuthScreen>
  );
}
