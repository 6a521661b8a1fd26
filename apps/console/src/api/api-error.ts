/** One field the gateway refused, with its messages (the gateway's `details`). */
export interface FieldError {
  field: string;
  messages: string[];
}

/** A refusal or failure of the gateway, in the words it gave (Simplified Chinese for staff). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The messages of one field, and of its nested fields (`survey.surveyors` under `survey`). */
  messagesOf(field: string): string[] {
    return this.details
      .filter((detail) => detail.field === field || detail.field.startsWith(`${field}.`))
      .flatMap((detail) => detail.messages);
  }
}

/** What the gateway answered for a failed request, as an ApiError; a body that is not its error shape says so. */
export function toApiError(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null && 'message' in body) {
    const { code, message, details } = body as { code?: unknown; message?: unknown; details?: unknown };
    return new ApiError(
      status,
      typeof code === 'string' ? code : `HTTP_${status}`,
      typeof message === 'string' ? message : `请求失败（${status}）`,
      Array.isArray(details) ? details.filter(isFieldError) : [],
    );
  }
  return new ApiError(status, `HTTP_${status}`, status >= 500 ? '服务暂时不可用，请稍后重试' : `请求失败（${status}）`);
}

function isFieldError(value: unknown): value is FieldError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldError).field === 'string' &&
    Array.isArray((value as FieldError).messages)
  );
}
