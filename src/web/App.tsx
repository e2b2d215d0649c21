import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { t } from './i18n';
import { AppLayout } from './layout/AppLayout';
import { PAGES, PUBLIC_PAGES, navEntryFor } from './modules';
import { LoginPage } from './pages/LoginPage';
import { PasswordChangePage } from './pages/PasswordChangePage';
import { SecondFactorPage } from './pages/SecondFactorPage';
import { ForbiddenPage, NotFoundPage, NotReadyPage } from './pages/ResultPages';
import { SessionProvider, useSession } from './session/session';
import { usePrefersReducedMotion } from './hooks/usePrefersReducedMotion';
import { themeFor } from './theme';

type FromState = { from?: string } | null;

function FullScreenSpin() {
  return (
    <div className="full-screen-center">
      <Spin size="large" description={t('app.loading')} />
    </div>
  );
}

function LoginRoute() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'signed-in') {
    const from = (location.state as FromState)?.from;
    return <Navigate to={from && from !== '/login' ? from : '/'} replace />;
  }
  return <LoginPage expired={state.status === 'anonymous' && state.expired} />;
}

function SignedInRoutes() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status !== 'signed-in') {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  const { nav } = state.me;
  const unbuilt = nav.filter((item) => !(item.path in PAGES));
  return (
    <Routes>
      <Route element={<AppLayout />}>
        {Object.entries(PAGES).map(([path, Page]) => (
          <Route key={path} path={path} element={navEntryFor(nav, path) ? <Page /> : <ForbiddenPage />} />
        ))}
        {unbuilt.map((item) => (
          <Route key={item.path} path={item.path} element={<NotReadyPage />} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

function Root() {
  const { state, reload } = useSession();
  if (state.status === 'loading') return <FullScreenSpin />;
  if (state.status === 'failed') {
    return (
      <div className="full-screen-center">
        <Result
          status="warning"
          title={t('session.loadFailed')}
          subTitle={state.error.message}
          extra={
            <Button type="primary" onClick={reload}>
              {t('session.retry')}
            </Button>
          }
        />
      </div>
    );
  }
  if (state.status === 'pending') {
    return state.stage === 'password_change' ? <PasswordChangePage /> : <SecondFactorPage stage={state.stage} />;
  }
  return (
    <Routes>
      <Route path="/login" element={<LoginRoute />} />
      <Route path="*" element={<SignedInRoutes />} />
    </Routes>
  );
}

/** The console: antd in Chinese, the session, and the routes. */
export function App() {
  const reducedMotion = usePrefersReducedMotion();
  return (
    <ConfigProvider locale={zhCN} theme={themeFor(reducedMotion)}>
      <AntApp>
        <BrowserRouter>
          <Routes>
            {/* Public pages need no session: they render before the session is asked for. */}
            {Object.entries(PUBLIC_PAGES).map(([path, Page]) => (
              <Route
                key={path}
                path={path}
                element={
                  <Suspense fallback={<FullScreenSpin />}>
                    <Page />
                  </Suspense>
                }
              />
            ))}
            <Route
              path="*"
              element={
                <SessionProvider>
                  <Root />
                </SessionProvider>
              }
            />
          </Routes>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
