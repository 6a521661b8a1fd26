import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/**
 * A command's idempotency key: the same key again is a repeat of the command. `maxLength` is the width of the
 * column the service keeps it in.
 */
export const IsIdempotencyKey =
  (maxLength = 200): PropertyDecorator =>
  (target: object, property: string | symbol): void => {
    IsString()(target, property);
    IsNotEmpty({ message: '幂等键不能为空' })(target, property);
    MaxLength(maxLength, { message: `幂等键不能超过${maxLength}个字符` })(target, property);
  };
