import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

import { ErrorCode } from '@app/contracts';

/** The `Idempotency-Key` header every creating command needs (≤ 128 characters); 400 with a field error otherwise. */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const key = context.switchToHttp().getRequest<Request>().headers['idempotency-key'];
  if (typeof key !== 'string' || key.length === 0 || key.length > 128) {
    throw new BadRequestException({
      code: ErrorCode.VALIDATION_FAILED,
      message: '请求缺少Idempotency-Key请求头（不超过128个字符）',
      details: [{ field: 'Idempotency-Key', messages: ['必须提供幂等键，同一请求重复提交时使用同一个键'] }],
    });
  }
  return key;
});
