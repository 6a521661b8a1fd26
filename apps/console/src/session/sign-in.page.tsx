import { type FormEvent, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';

import { useSession } from './use-session';
import type { ApiError } from '../api/api-error';
import { signIn } from '../api/client';
import { ErrorBox } from '../common/error-box';

/** 登录: username and password; on success back to where the caseworker was going (the inbox by default). */
export function SignInPage() {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const next = (location.state as { from?: string } | null)?.from ?? '/tasks';

  if (session) {
    return <Navigate to={next} replace />;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    signIn(username, password).then(
      () => navigate(next, { replace: true }),
      (failure: ApiError) => {
        setError(failure);
        setBusy(false);
      },
    );
  };

  return (
    <main className="sign-in">
      <h1>最低生活保障业务系统</h1>
      <form onSubmit={submit} aria-label="登录">
        <label>
          用户名
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          密码
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <ErrorBox error={error} />
        <button type="submit" disabled={busy}>
          登录
        </button>
      </form>
    </main>
  );
}
