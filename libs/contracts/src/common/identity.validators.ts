import { isISO8601, Matches, ValidateBy, type ValidationOptions } from 'class-validator';

/** An 18-character ID number (last character a digit or X/x) or a legacy 15-digit one; the service checks every rule. */
export const IsIdNumber = (
  message = '身份证号码应为18位（前17位为数字，末位为数字或X），或15位旧号码',
): PropertyDecorator => Matches(/^(\d{15}|\d{17}[\dXx])$/, { message });

/**
 * A calendar date YYYY-MM-DD that exists (no 2026-13-45, no 2026-02-30): checked here, so an impossible date is a
 * 400 with the field named, never a database error.
 */
export const IsCalendarDate = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && isISO8601(value, { strict: true }),
        defaultMessage: () => '日期应为存在的日历日期，格式YYYY-MM-DD',
      },
    },
    options,
  );
