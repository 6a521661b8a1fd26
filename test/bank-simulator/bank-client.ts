import { randomBytes } from 'node:crypto';

import { sha256Hex, signBankRequest } from '@app/domain';

export interface BankReply {
  status: number;
  body: any;
}

export interface SignedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * What a bank's integrator writes: every request signed with the bank's secret (docs/bank-integration.md).
 * `send` can replay a request exactly as it was signed, to show that the gateway refuses a reused nonce.
 */
export class BankClient {
  constructor(
    readonly baseUrl: string,
    readonly bankCode: string,
    private readonly secret: string,
  ) {}

  sign(method: string, path: string, body?: unknown, at = Date.now()): SignedRequest {
    const raw = body === undefined ? undefined : JSON.stringify(body);
    const timestamp = String(at);
    const nonce = randomBytes(16).toString('hex');
    const signature = signBankRequest(this.secret, {
      method,
      path,
      timestamp,
      nonce,
      bodySha256: sha256Hex(raw ?? ''),
    });
    return {
      method,
      path,
      body: raw,
      headers: {
        'x-bank-code': this.bankCode,
        'x-timestamp': timestamp,
        'x-nonce': nonce,
        'x-signature': signature,
        ...(raw === undefined ? {} : { 'content-type': 'application/json' }),
      },
    };
  }

  async send(request: SignedRequest): Promise<BankReply> {
    const response = await fetch(`${this.baseUrl}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  request(method: string, path: string, body?: unknown): Promise<BankReply> {
    return this.send(this.sign(method, path, body));
  }

  /** Like request, but throws on anything but 2xx. */
  async ok(method: string, path: string, body?: unknown): Promise<any> {
    const reply = await this.request(method, path, body);
    if (reply.status < 200 || reply.status >= 300) {
      throw new Error(`${method} ${path} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    }
    return reply.body;
  }
}
