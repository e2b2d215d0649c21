import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import {
  type TChangePasswordRequest,
  type TLoginRequest,
  type TMe,
  type TSignInResult,
  type TTotpEnrolment,
  ZEnrolmentDone,
  ZMe,
  ZOk,
  ZSignInResult,
  ZTotpEnrolment,
} from '../../core/auth/contract';
import { ApiError, apiGet, apiPost, onUnauthorized, setCsrfToken } from '../api/client';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; expired: boolean }
  | { status: 'failed'; error: ApiError }
  /** Password accepted; the TOTP code, the authenticator's set-up or a new password is due. */
  | { status: 'pending'; stage: PendingStage }
  | { status: 'signed-in'; me: TMe };

export type PendingStage = 'second_factor' | 'enrolment' | 'password_change';

export type Session = {
  state: SessionState;
  login: (request: TLoginRequest) => Promise<void>;
  verifySecondFactor: (code: string) => Promise<void>;
  startEnrolment: () => Promise<TTotpEnrolment>;
  /** Confirms the authenticator; returns the recovery codes to show once. Call `finishEnrolment` after. */
  confirmEnrolment: (code: string) => Promise<string[]>;
  finishEnrolment: () => void;
  changePassword: (request: TChangePasswordRequest) => Promise<void>;
  logout: () => Promise<void>;
  switchOrg: (orgUnitId: number) => Promise<TMe>;
  reload: () => void;
};

const SessionContext = createContext<Session | null>(null);

const fetchMe = async () => {
  const me = await apiGet('/api/auth/me', ZMe);
  setCsrfToken(me.csrfToken);
  return me;
};

const stateAfter = (result: TSignInResult): SessionState =>
  result.stage === 'full' && result.me ? { status: 'signed-in', me: result.me } : { status: 'pending', stage: result.stage === 'full' ? 'second_factor' : result.stage };

/** Loads the signed-in user once, and drops back to the login page on any 401. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [round, setRound] = useState(0);

  useEffect(() => {
    let current = true;
    fetchMe().then(
      (me) => {
        if (current) setState({ status: 'signed-in', me });
      },
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiError && error.status === 401) setState({ status: 'anonymous', expired: false });
        else if (error instanceof ApiError) setState({ status: 'failed', error });
        else setState({ status: 'anonymous', expired: false });
      },
    );
    return () => {
      current = false;
    };
  }, [round]);

  useEffect(
    () =>
      onUnauthorized(() =>
        setState((previous) =>
          previous.status === 'signed-in' || previous.status === 'pending' ? { status: 'anonymous', expired: true } : previous,
        ),
      ),
    [],
  );

  const login = useCallback(async (request: TLoginRequest) => {
    const result = await apiPost('/api/auth/login', request, ZSignInResult);
    setCsrfToken(result.csrfToken);
    setState(stateAfter(result));
  }, []);

  const verifySecondFactor = useCallback(async (code: string) => {
    const result = await apiPost('/api/auth/second-factor/verify', { code }, ZSignInResult);
    setCsrfToken(result.csrfToken);
    setState(stateAfter(result));
  }, []);

  const startEnrolment = useCallback(() => apiPost('/api/auth/second-factor/enrolment/start', {}, ZTotpEnrolment), []);

  // The session is complete once confirmed, but the recovery codes must be shown
  // first: the state moves on only when the user has saved them.
  const confirmEnrolment = useCallback(async (code: string) => {
    const result = await apiPost('/api/auth/second-factor/enrolment/confirm', { code }, ZEnrolmentDone);
    setCsrfToken(result.csrfToken);
    setAfterEnrolment(result);
    return result.recoveryCodes;
  }, []);
  const [afterEnrolment, setAfterEnrolment] = useState<TSignInResult | null>(null);
  const finishEnrolment = useCallback(() => {
    if (afterEnrolment) setState(stateAfter(afterEnrolment));
    setAfterEnrolment(null);
  }, [afterEnrolment]);

  const changePassword = useCallback(async (request: TChangePasswordRequest) => {
    const result = await apiPost('/api/auth/password', request, ZSignInResult);
    setCsrfToken(result.csrfToken);
    setState(stateAfter(result));
  }, []);

  const logout = useCallback(async () => {
    try {
      await apiPost('/api/auth/logout', {}, ZOk);
    } finally {
      setCsrfToken(undefined);
      setState({ status: 'anonymous', expired: false });
    }
  }, []);

  const switchOrg = useCallback(async (orgUnitId: number) => {
    await apiPost('/api/auth/switch-org', { orgUnitId }, ZOk);
    const me = await fetchMe();
    setState({ status: 'signed-in', me });
    return me;
  }, []);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setRound((value) => value + 1);
  }, []);

  const value = useMemo<Session>(
    () => ({ state, login, verifySecondFactor, startEnrolment, confirmEnrolment, finishEnrolment, changePassword, logout, switchOrg, reload }),
    [state, login, verifySecondFactor, startEnrolment, confirmEnrolment, finishEnrolment, changePassword, logout, switchOrg, reload],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

/** The signed-in user; only for components rendered inside the signed-in layout. */
export function useMe(): TMe {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe needs a signed-in session');
  return state.me;
}
