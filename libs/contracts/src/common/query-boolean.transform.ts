import { Transform } from 'class-transformer';

/**
 * A boolean that may come as the query-string text 'true' / 'false' (HTTP) or as a boolean (NATS); any other value
 * is left for `@IsBoolean` to refuse.
 */
export const FromQueryBoolean = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));
