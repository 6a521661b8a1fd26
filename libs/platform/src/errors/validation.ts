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

/** Gives class-validator's default English messages a Chinese form for the cases we do not word ourselves. */
function translateDefault(message: string): string {
  if (message.endsWith('should not exist')) {
    return `不允许的字段：${message.replace(/^property (\S+) should not exist$/, '$1')}`;
  }
  if (/must be a UUID$/.test(message)) {
    return `${message.split(' ')[0]} 必须是UUID格式`;
  }
  if (/should not be empty$/.test(message)) {
    return `${message.split(' ')[0]} 不能为空`;
  }
  if (/must be a string$/.test(message)) {
    return `${message.split(' ')[0]} 必须是文本`;
  }
  if (/must be an integer number$/.test(message)) {
    return `${message.split(' ')[0]} 必须是整数`;
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
