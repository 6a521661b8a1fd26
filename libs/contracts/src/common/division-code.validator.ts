import { Matches } from 'class-validator';

/** A division code at one of the five levels: 2, 4, 6, 9 or 12 digits. */
export const IsDivisionCode = (): PropertyDecorator =>
  Matches(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, { message: '行政区划代码应为2、4、6、9或12位数字' });

/** A community or village code: 12 digits. */
export const IsCommunityCode = (): PropertyDecorator =>
  Matches(/^\d{12}$/, { message: '社区（村）行政区划代码应为12位数字' });
