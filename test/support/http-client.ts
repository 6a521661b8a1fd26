import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { DEFAULT_DEMO_PASSWORD } from '@app/domain';

import { TOKEN_CACHE } from './e2e-token-cache';

/** A small HTTP client for e2e tests against the running gateway, logging each demo user in once. */
export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const PASSWORD = process.env.DIBAO_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;

export interface Json {
  [key: string]: any;
}

export interface HttpResult {
  status: number;
  headers: Headers;
  body: Json;
  bytes: Buffer;
}

export async function call(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<HttpResult> {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const type = response.headers.get('content-type') ?? '';
  const payload = type.includes('json') ? ((await response.json()) as Json) : Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, body: payload, bytes: payload as Buffer };
}

const tokens = new Map<string, Promise<string>>();

type TokenCache = Record<string, { token: string; expiresAt: number }>;

const readCache = (): TokenCache => {
  try {
    return JSON.parse(readFileSync(TOKEN_CACHE, 'utf8')) as TokenCache;
  } catch {
    return {};
  }
};

/** The access token of a user (the demo password unless given): one login per user per e2e run. */
export function tokenOf(username: string, password = PASSWORD): Promise<string> {
  const key = `${username}:${createHash('sha256').update(password).digest('hex')}`;
  if (!tokens.has(key)) {
    const cached = readCache()[key];
    tokens.set(
      key,
      cached && cached.expiresAt > Date.now() + 60_000
        ? Promise.resolve(cached.token)
        : call('POST', '/api/v1/auth/login', { body: { username, password } }).then((result) => {
            if (result.status !== 200) {
              throw new Error(`login of ${username} answered ${result.status}: ${JSON.stringify(result.body)}`);
            }
            const token = result.body.accessToken as string;
            mkdirSync(dirname(TOKEN_CACHE), { recursive: true });
            writeFileSync(
              TOKEN_CACHE,
              JSON.stringify({
                ...readCache(),
                [key]: { token, expiresAt: Date.now() + Number(result.body.expiresIn) * 1000 },
              }),
            );
            return token;
          }),
    );
  }
  return tokens.get(key) as Promise<string>;
}

/** Header that states why personal data is read (UTF-8, percent-encoded). */
export function purpose(text = '低保审核'): Record<string, string> {
  return { 'X-Access-Purpose': encodeURIComponent(text) };
}

export async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error('timed out waiting');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
