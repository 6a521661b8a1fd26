import { BadRequestException, ValidationPipe } from '@nestjs/common';

import { ErrorCode } from '@app/contracts';

import { toFieldErrors, VALIDATION_OPTIONS } from './validation';

/** ValidationPipe for HTTP bodies and queries: 400 with `code`, a Chinese message and field errors. */
export function createHttpValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    ...VALIDATION_OPTIONS,
    exceptionFactory: (errors) =>
      new BadRequestException({
        code: ErrorCode.VALIDATION_FAILED,
        message: '请求内容不符合要求',
        details: toFieldErrors(errors),
      }),
  });
}
