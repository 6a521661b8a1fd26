import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';

import { ErrorCode, type ErrorReply } from '@app/contracts';

import { type BulkArrayContract, toFieldErrors, validateContract, VALIDATION_OPTIONS } from './validation';

/** ValidationPipe for NATS payloads: a failure becomes a typed VALIDATION_FAILED reply with field errors. */
export function createNatsValidationPipe(): ValidationPipe {
  return new NatsValidationPipe({
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

/** Nest's ValidationPipe, except that a contract's bulk array is validated in place (see BulkArrayContract). */
class NatsValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const metatype = metadata.metatype as (new () => object) | undefined;
    if (!metatype || !(metatype as BulkArrayContract).bulkArray) {
      return super.transform(value, metadata);
    }
    const { instance, errors } = validateContract(metatype, value);
    if (errors.length > 0) {
      throw this.exceptionFactory(errors);
    }
    return instance;
  }
}
