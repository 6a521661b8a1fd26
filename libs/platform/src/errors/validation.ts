import { plainToInstance } from 'class-transformer';
import { type ValidationError, validateSync } from 'class-validator';

import type { FieldError } from '@app/contracts';

/** Flattens class-validator errors into field paths (`members[0].name`) with their messages. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent
      ? /^\d+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`
      : error.property;
    const own: FieldError[] = error.constraints ? [{ field, messages: messagesOf(error.constraints) }] : [];
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/**
 * A field left out or empty is told only that it is required: what its value would also have to be (text, at most
 * so many characters) says nothing to someone who gave none.
 */
function messagesOf(constraints: Record<string, string>): string[] {
  const missing = constraints.isDefined ?? constraints.isNotEmpty;
  // Two rules may share one message (a range's Min and Max): it is said once.
  return [...new Set((missing ? [missing] : Object.values(constraints)).map(translateDefault))];
}

/**
 * class-validator's default English messages in Chinese, for the rules we do not word ourselves: `[pattern, what
 * the field is told]`, the pattern's groups filling `$1`, `$2`.
 */
const DEFAULT_MESSAGES: Array<[RegExp, string]> = [
  [/^property (\S+) should not exist$/, '不允许的字段：$1'],
  [/^nested property (\S+) must be either object or array$/, '$1 必须是对象或数组'],
  [/^(\S+) must be a UUID$/, '$1 必须是UUID格式'],
  [/^(\S+) should not be empty$/, '$1 不能为空'],
  [/^(\S+) should not be null or undefined$/, '$1 不能为空'],
  [/^(\S+) must be a string$/, '$1 必须是文本'],
  [/^(\S+) must be an integer number$/, '$1 必须是整数'],
  [/^(\S+) must be a number conforming to the specified constraints$/, '$1 必须是数字'],
  [/^(\S+) must be a boolean value$/, '$1 只能是 true 或 false'],
  [/^(\S+) must be an array$/, '$1 必须是数组'],
  [/^(\S+) must be an object$/, '$1 必须是对象'],
  [/^(\S+) must not be less than (\S+)$/, '$1 不能小于$2'],
  [/^(\S+) must not be greater than (\S+)$/, '$1 不能大于$2'],
  [/^(\S+) must be one of the following values: (.*)$/, '$1 只能是以下之一：$2'],
  [/^(\S+) must be longer than or equal to (\d+) characters$/, '$1 至少$2个字符'],
  [/^(\S+) must be shorter than or equal to (\d+) characters$/, '$1 不能超过$2个字符'],
  [/^(\S+) must contain at least (\d+) elements$/, '$1 至少$2项'],
  [/^(\S+) must contain no more than (\d+) elements$/, '$1 不能超过$2项'],
  [/^(\S+) must be a valid ISO 8601 date string$/, '$1 必须是日期（YYYY-MM-DD）'],
  [/^(\S+) must match .* regular expression$/, '$1 格式不正确'],
];

function translateDefault(message: string): string {
  // A rule checked on every element (`each: true`) says so first: "each value in members must be …".
  const each = /^each value in (.*)$/.exec(message);
  if (each) {
    return translateDefault(each[1]).replace(/^(\S+) /, '$1 的每一项');
  }
  for (const [pattern, chinese] of DEFAULT_MESSAGES) {
    if (pattern.test(message)) {
      return message.replace(pattern, chinese);
    }
  }
  return message;
}

export const VALIDATION_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  validationError: { target: false, value: false },
} as const;

/**
 * A contract class may name one array property as bulk (`static readonly bulkArray = 'results'`): thousands of
 * elements whose own validator looks at every element and refuses unknown keys. Such an array is checked where it
 * lies instead of being copied element by element by class-transformer (5,000 bank results a message).
 */
export interface BulkArrayContract {
  readonly bulkArray?: string;
}

/** The payload as an instance of its contract class, and what is wrong with it (see BulkArrayContract). */
export function validateContract<T extends object>(
  metatype: new () => T,
  payload: unknown,
): { instance: T; errors: ValidationError[] } {
  const bulk = (metatype as BulkArrayContract).bulkArray;
  const isObject = typeof payload === 'object' && payload !== null && !Array.isArray(payload);
  if (!bulk || !isObject) {
    const instance = plainToInstance(metatype, payload);
    return { instance, errors: validateSync(instance, VALIDATION_OPTIONS) };
  }
  const { [bulk]: array, ...rest } = payload as Record<string, unknown>;
  // As Nest's ValidationPipe does: a JSON key "__proto__" must not reach class-transformer's assignments.
  for (const key of ['__proto__', 'constructor']) {
    if (Object.prototype.hasOwnProperty.call(rest, key)) {
      delete rest[key];
    }
  }
  const instance = plainToInstance(metatype, rest);
  if (array !== undefined) {
    (instance as Record<string, unknown>)[bulk] = array;
  }
  return { instance, errors: validateSync(instance, VALIDATION_OPTIONS) };
}
