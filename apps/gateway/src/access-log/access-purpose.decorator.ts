import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

import { ErrorCode } from '@app/contracts';

/** Header naming why the caller reads personal data; UTF-8 text percent-encoded (HTTP headers are ASCII). */
export const ACCESS_PURPOSE_HEADER = 'x-access-purpose';

/**
 * The stated purpose of a read of personal data, from the `X-Access-Purpose` header (percent-encoded) or the
 * `purpose` query parameter. Missing or too short: 400 — a dossier or archive read without a purpose is refused.
 * `@AccessPurpose({ otherwise })` takes a purpose left out as `otherwise` (a search: the log still says who
 * saw which household), while one given must still be 2 to 200 characters. `headerOnly`: where `purpose` is a
 * query parameter of the route itself (the inbox's task purpose), only the header is read.
 */
export const AccessPurpose = createParamDecorator(
  (options: { otherwise?: string; headerOnly?: boolean } | undefined, context: ExecutionContext): string => {
    const request = context.switchToHttp().getRequest<Request>();
    const header = request.headers[ACCESS_PURPOSE_HEADER];
    const query = options?.headerOnly ? undefined : request.query.purpose;
    const raw = typeof header === 'string' ? header : typeof query === 'string' ? query : '';
    if (raw === '' && options?.otherwise) {
      return options.otherwise;
    }
    let purpose = raw;
    try {
      purpose = decodeURIComponent(raw);
    } catch {
      // not percent-encoded: take it as it came
    }
    // One line of text: control characters (a NUL cannot even be stored) become spaces.
    // eslint-disable-next-line no-control-regex
    purpose = purpose.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
    if (purpose.length < 2 || purpose.length > 200) {
      throw new BadRequestException({
        code: ErrorCode.VALIDATION_FAILED,
        message: '查阅个人信息须说明查阅目的',
        details: [
          {
            field: 'X-Access-Purpose',
            messages: ['请在X-Access-Purpose请求头（URL编码）或purpose参数中说明查阅目的，2至200个字符'],
          },
        ],
      });
    }
    return purpose;
  },
);

/** The client address for the access log. */
export function clientIp(request: Request): string {
  return (request.ip ?? request.socket.remoteAddress ?? 'unknown').slice(0, 64);
}
