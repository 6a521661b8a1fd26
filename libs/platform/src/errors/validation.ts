import { type ValidationError } from 'class-validator';

import type { FieldError } from '@app/contracts';

/** Flattens class-validator errors into field paths (`members[0].name`) with their messages. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent
      ? /^\d+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`
      : error.property;
    const own: FieldError[] = error.constraints
      ? [{ field, messages: Object.values(error.constraints).map(translateDefault) }]
      : [];
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
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
