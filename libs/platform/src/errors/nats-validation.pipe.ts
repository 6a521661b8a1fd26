import { ValidationPipe } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';

import { ErrorCode, type ErrorReply } from '@app/contracts';

import { toFieldErrors, VALIDATION_OPTIONS } from './validation';

/** ValidationPipe for NATS payloads: a failure becomes a typed VALIDATION_FAILED reply with field errors. */
export function createNatsValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    ...VALIDATION_OPTIONS,
    exceptionFactory: (errors) => {
      const reply: ErrorReply = {
        code: ErrorCode.VALIDATION_FAILED,
        message: '消息内容不符合要求',
        details: toFieldErrors(errors),
      };
      return new RpcException(reply);
    },
  });
}
