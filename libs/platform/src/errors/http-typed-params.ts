import {
  BadRequestException,
  createParamDecorator,
  type ExecutionContext,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
} from '@nestjs/common';
import type { Request } from 'express';

import { ErrorCode } from '@app/contracts';

/** A 400 VALIDATION_FAILED naming the address part or query parameter that is wrong, in staff's words. */
const refuse = (field: string, message: string) => () =>
  new BadRequestException({
    code: ErrorCode.VALIDATION_FAILED,
    message: '请求内容不符合要求',
    details: [{ field, messages: [message] }],
  });

/** A route parameter that must be a UUID (v4), e.g. `@UuidParam('id')`. */
export const UuidParam = (name: string): ParameterDecorator =>
  Param(name, new ParseUUIDPipe({ version: '4', exceptionFactory: refuse(name, `${name} 必须是UUID格式`) }));

/** A route parameter that must be an integer, e.g. `@IntParam('year')`. */
export const IntParam = (name: string): ParameterDecorator =>
  Param(name, new ParseIntPipe({ exceptionFactory: refuse(name, `${name} 必须是整数`) }));

/**
 * An optional query parameter that, when given, must be `true` or `false`. Read from the query as sent: the global
 * ValidationPipe would turn any other word into `false` before a pipe here could refuse it.
 */
export const OptionalBoolQuery = createParamDecorator(
  (name: string, context: ExecutionContext): boolean | undefined => {
    const value = context.switchToHttp().getRequest<Request>().query[name];
    if (value === undefined || value === 'true' || value === 'false') {
      return value === undefined ? undefined : value === 'true';
    }
    throw refuse(name, `${name} 只能是 true 或 false`)();
  },
);
