import type { BankAuth } from '@app/contracts';
import { sha256Hex } from '@app/domain';

import { BankClient } from '../bank-simulator/bank-client';

/** What the gateway would forward over NATS for a request signed by `bank` (service-level tests). */
export function signedAuth(
  bank: { code: string; secret: string },
  method: string,
  path: string,
  body?: unknown,
  at = Date.now(),
): BankAuth {
  const { headers, body: raw } = new BankClient('', bank.code, bank.secret).sign(method, path, body, at);
  return {
    bankCode: headers['x-bank-code'],
    timestamp: headers['x-timestamp'],
    nonce: headers['x-nonce'],
    signature: headers['x-signature'],
    method,
    path,
    bodySha256: sha256Hex(raw ?? ''),
  };
}
