import { Card } from 'antd';
import type { ReactNode } from 'react';
import { t } from '../i18n';
import { Brand } from './Brand';

/** The frame of every step before the console: sign-in, second factor, password change. */
export function AuthScreen({ children }: { children: ReactNode }) {
  return (
    <div className="login-screen">
      <div className="login-band" />
      <main className="login-main">
        <Card className="login-card" variant="borderless">
          <div className="login-brand">
            <Brand withOwner size="large" />
          </div>
          {children}
        </Card>
      </main>
      <footer className="login-footer">{t('app.footer')}</footer>
    </div>
  );
}
