import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

import type { BankAuth } from '@app/contracts';
import { sha256Hex } from '@app/domain';

/** Headers a bank sends with every request (see docs/bank-integration.md). */
export const BANK_HEADERS = {
  bankCode: 'x-bank-code',
  timestamp: 'x-timestamp',
  nonce: 'x-nonce',
  signature: 'x-signature',
} as const;

const header = (request: Request, name: string): string => {
  const value = request.headers[name];
  return typeof value === 'string' ? value.trim() : '';
};

/**
 * The signature material of a bank request: the four headers, the method, the path with its query string as
 * sent, and the SHA-256 of the raw body bytes. The payment service, which holds the banks' secrets, checks it.
 */
export const BankSignature = createParamDecorator((_data: unknown, context: ExecutionContext): BankAuth => {
  const request = context.switchToHttp().getRequest<Request & { rawBody?: Buffer }>();
  return {
    bankCode: header(request, BANK_HEADERS.bankCode),
    timestamp: header(request, BANK_HEADERS.timestamp),
    nonce: header(request, BANK_HEADERS.nonce),
    signature: header(request, BANK_HEADERS.signature),
    method: request.method.toUpperCase(),
    path: request.originalUrl,
    bodySha256: sha256Hex(request.rawBody ?? ''),
  };
});
