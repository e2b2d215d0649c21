import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import type { TLoginRequest } from '../../core/auth/contract';
import { isApiError } from '../api/client';
import { AuthScreen } from '../components/AuthScreen';
import { t } from '../i18n';
import { useSession } from '../session/session';

/** Sign-in: account and password, the server's answer in an Alert above the button. */
export function LoginPage({ expired }: { expired: boolean }) {
  const { login } = useSession();
  const [form] = Form.useForm<TLoginRequest>();
  const [submitting, setSubmitting] = useState(false);
  const [serverError, setServerError] = useState<string | undefined>();

  const submit = async (values: TLoginRequest) => {
    setSubmitting(true);
    setServerError(undefined);
    try {
      await login({ login: values.login.trim(), password: values.password });
    } catch (error) {
      setServerError(isApiError(error) ? error.message : t('login.failed'));
      setSubmitting(false);
    }
  };

  return (
    <AuthScreen>
          <div className="login-title">{t('login.title')}</div>
          {expired && !serverError && <Alert className="login-alert" type="warning" showIcon title={t('session.expired')} />}
          {serverError && <Alert className="login-alert" type="error" showIcon title={serverError} />}
          <Form<TLoginRequest>
            form={form}
            layout="vertical"
            requiredMark={false}
            autoComplete="on"
            onFinish={(values) => void submit(values)}
            onValuesChange={() => setServerError(undefined)}
          >
            <Form.Item
              label={t('login.account')}
              name="login"
              rules={[{ required: true, whitespace: true, message: t('login.accountRequired') }]}
            >
              <Input
                name="login"
                prefix={<UserOutlined className="login-input-icon" />}
                placeholder={t('login.accountPlaceholder')}
                autoComplete="username"
                autoFocus
                maxLength={64}
              />
            </Form.Item>
            <Form.Item
              label={t('login.password')}
              name="password"
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password
                name="password"
                prefix={<LockOutlined className="login-input-icon" />}
                placeholder={t('login.passwordPlaceholder')}
                autoComplete="current-password"
                maxLength={256}
              />
            </Form.Item>
            <Form.Item className="login-submit">
              <Button type="primary" htmlType="submit" block loading={submitting}>
                {submitting ? t('login.submitting') : t('login.submit')}
              </Button>
            </Form.Item>
          </Form>
          <div className="login-notice">{t('login.notice')}</div>
    </AuthScreen>
  );
}
