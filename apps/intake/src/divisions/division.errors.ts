import { ErrorCode } from '@app/contracts';
import { DomainError } from '@app/platform';

export class DivisionError extends DomainError {
  static unknown(code: string, field = 'divisionCode'): DivisionError {
    return new DivisionError(
      ErrorCode.VALIDATION_FAILED,
      `division ${code} unknown or retired`,
      '行政区划代码不存在或已撤销',
      [{ field, messages: [`行政区划代码${code}在行政区划表中不存在或已撤销`] }],
    );
  }

  static notCommunity(code: string): DivisionError {
    return new DivisionError(
      ErrorCode.VALIDATION_FAILED,
      `division ${code} is not a community or village`,
      '申请须在社区（村）提出',
      [{ field: 'divisionCode', messages: [`${code}不是社区（村）一级的行政区划`] }],
    );
  }

  static notFound(code: string): DivisionError {
    return new DivisionError(ErrorCode.NOT_FOUND, `division ${code} not found`, `行政区划代码${code}不存在`);
  }
}
