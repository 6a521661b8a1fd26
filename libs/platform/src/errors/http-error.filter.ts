import { ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';

import { ErrorCode, type FieldError } from '@app/contracts';

import { DomainError } from './domain-error';
import { RemoteError } from './remote-error';

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  [ErrorCode.VALIDATION_FAILED]: HttpStatus.BAD_REQUEST,
  [ErrorCode.MALFORMED_MESSAGE]: HttpStatus.BAD_REQUEST,
  [ErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [ErrorCode.TOO_MANY_REQUESTS]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.IDEMPOTENCY_CONFLICT]: HttpStatus.CONFLICT,
  [ErrorCode.CONFLICT]: HttpStatus.CONFLICT,
  [ErrorCode.UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,
  [ErrorCode.INTERNAL]: HttpStatus.INTERNAL_SERVER_ERROR,
};

export interface HttpErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: FieldError[];
}

/** Maps domain errors, typed NATS errors and Nest HTTP exceptions to one JSON error shape. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const body = this.toBody(exception, http.getRequest<Request>());
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception }, 'request failed');
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, request: Request): HttpErrorBody {
    if (exception instanceof DomainError || exception instanceof RemoteError) {
      return {
        statusCode: STATUS_BY_CODE[exception.code],
        code: exception.code,
        message: exception.staffMessage,
        details: exception.details,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      if (typeof payload === 'object' && payload !== null && 'code' in payload) {
        return { statusCode: status, ...(payload as Omit<HttpErrorBody, 'statusCode'>) };
      }
      if ((status as HttpStatus) === HttpStatus.PAYLOAD_TOO_LARGE) {
        return {
          statusCode: status,
          code: 'PAYLOAD_TOO_LARGE',
          message: '上传文件超过大小限制',
          details: [{ field: 'file', messages: ['文件过大'] }],
        };
      }
      // Raised by the framework, not by our code (which always sends a code): say in staff's words what was wrong.
      if ((status as HttpStatus) === HttpStatus.NOT_FOUND) {
        return {
          statusCode: status,
          code: ErrorCode.NOT_FOUND,
          message: `没有这个接口：${request.method} ${request.path}`,
        };
      }
      if ((status as HttpStatus) === HttpStatus.BAD_REQUEST) {
        return { statusCode: status, ...unparsable(exception.message) };
      }
      return { statusCode: status, code: HttpStatus[status] ?? 'HTTP_ERROR', message: exception.message };
    }
    return { statusCode: 500, code: ErrorCode.INTERNAL, message: '服务内部错误，请稍后重试或联系管理员' };
  }
}

/**
 * What Express could not read, mapped by Nest to a bare 400: a body that is not JSON (body-parser) or an address
 * with a bad percent-encoding; anything else uncoded (e.g. an upload under another form field) is told as a refused
 * request, the framework's own words in brackets.
 */
function unparsable(message: string): Omit<HttpErrorBody, 'statusCode'> {
  if (/JSON/.test(message)) {
    return {
      code: ErrorCode.MALFORMED_MESSAGE,
      message: '请求内容不是有效的JSON',
      details: [{ field: 'body', messages: [`JSON格式错误：${message}`] }],
    };
  }
  if (/^Failed to decode param/.test(message)) {
    return {
      code: ErrorCode.MALFORMED_MESSAGE,
      message: '网址中有无法解码的字符',
      details: [{ field: 'path', messages: ['百分号编码有误'] }],
    };
  }
  return {
    code: ErrorCode.VALIDATION_FAILED,
    message: '请求内容不符合要求',
    details: [{ field: 'request', messages: [`请求无法处理（${message}）`] }],
  };
}
