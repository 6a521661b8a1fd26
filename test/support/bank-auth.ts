import { randomBytes } from 'node:crypto';

import type { BankAuth } from '@app/contracts';
import { sha256Hex, signBankRequest } from '@app/domain';

/** What the gateway would forward over NATS for a request signed by `bank` (service-level tests). */
export function signedAuth(
  bank: { code: string; secret: string },
  method: string,
  path: string,
  body?: unknown,
  at = Date.now(),
): BankAuth {
  const parts = {
    method,
    path,
    timestamp: String(at),
    nonce: randomBytes(16).toString('hex'),
    bodySha256: sha256Hex(body === undefined ? '' : JSON.stringify(body)),
  };
  return { ...parts, bankCode: bank.code, signature: signBankRequest(bank.secret, parts) };
}
