import { ApiError, toApiError } from './api-error';
import { type Account, currentSession, saveSession, type Session } from '../session/session';

/** The gateway's REST API: the console is served by the gateway, so the same origin. */
const BASE = '/api/v1';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Why personal data is read (查阅目的): sent percent-encoded in X-Access-Purpose and logged by the gateway. */
  purpose?: string;
  /** Commands: the same key gives the first answer again (a retry after a lost reply is safe). */
  idempotencyKey?: string;
  /** A file upload (multipart/form-data), sent instead of a JSON body. */
  form?: FormData;
}

interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

/** Signs in: the token pair, then the account it belongs to; the session is kept for this tab. */
export async function signIn(username: string, password: string): Promise<Session> {
  const tokens = await send<TokenPair>('/auth/login', { method: 'POST', body: { username, password } }, null);
  const account = await send<Account>('/auth/me', {}, tokens.accessToken);
  const session = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, account };
  saveSession(session);
  return session;
}

/** Signs out: the refresh token is revoked (best effort: the session ends here either way). */
export async function signOut(): Promise<void> {
  const session = currentSession();
  saveSession(null);
  if (session) {
    await send('/auth/logout', { method: 'POST', body: { refreshToken: session.refreshToken } }, null).catch(
      () => undefined,
    );
  }
}

/** A JSON request as the signed-in account; an expired access token is renewed once with the refresh token. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const session = currentSession();
  if (!session) {
    throw new ApiError(401, 'UNAUTHENTICATED', '请先登录');
  }
  try {
    return await send<T>(path, options, session.accessToken);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) {
      throw error;
    }
    const renewed = await renew(session);
    return send<T>(path, options, renewed.accessToken);
  }
}

/** A file (a filed document's PDF) as the signed-in account, for the browser to show. */
export async function download(path: string, purpose: string): Promise<Blob> {
  const session = currentSession();
  if (!session) {
    throw new ApiError(401, 'UNAUTHENTICATED', '请先登录');
  }
  const fetchIt = (token: string) =>
    fetch(`${BASE}${path}`, { headers: { ...auth(token), 'x-access-purpose': encodeURIComponent(purpose) } }).catch(
      () => {
        throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
      },
    );
  let response = await fetchIt(session.accessToken);
  if (response.status === 401) {
    response = await fetchIt((await renew(session)).accessToken);
  }
  if (!response.ok) {
    throw toApiError(response.status, await response.json().catch(() => null));
  }
  return response.blob();
}

/** The renewal under way, if any: requests that fail together renew once (a refresh token is good for one use). */
let renewing: { refreshToken: string; session: Promise<Session> } | undefined;

function renew(session: Session): Promise<Session> {
  if (renewing?.refreshToken !== session.refreshToken) {
    renewing = {
      refreshToken: session.refreshToken,
      session: send<TokenPair>('/auth/refresh', { method: 'POST', body: { refreshToken: session.refreshToken } }, null)
        .then((tokens) => {
          const renewed = { ...session, ...tokens };
          saveSession(renewed);
          return renewed;
        })
        .catch(() => {
          saveSession(null);
          throw new ApiError(401, 'UNAUTHENTICATED', '登录已过期，请重新登录');
        }),
    };
  }
  return renewing.session;
}

async function send<T>(path: string, options: RequestOptions, token: string | null): Promise<T> {
  const headers: Record<string, string> = { ...auth(token) };
  if (options.body !== undefined && !options.form) {
    headers['content-type'] = 'application/json';
  }
  if (options.purpose) {
    headers['x-access-purpose'] = encodeURIComponent(options.purpose);
  }
  if (options.idempotencyKey) {
    headers['idempotency-key'] = options.idempotencyKey;
  }
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    throw toApiError(response.status, body);
  }
  return body as T;
}

function auth(token: string | null): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** Saves a file the gateway gives (a spreadsheet) under `filename`, as the browser saves a download. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
