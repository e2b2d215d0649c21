import './schema';

/** The monitoring tables that copy their file's union path (org-listener.ts keeps them in step). */
export const MONITORING_PATH_TABLES = ['assistance_income_check', 'assistance_exit', 'assistance_callback', 'assistance_return_alert', 'assistance_risk_signal'] as const;
