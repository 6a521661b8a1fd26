import { Type } from 'class-transformer';
import { plainToInstance } from 'class-transformer';
import { IsInt, IsString, ValidateNested, validateSync } from 'class-validator';

import { toFieldErrors, VALIDATION_OPTIONS } from './validation';

class Member {
  @IsString({ message: '姓名必须是文本' })
  name: string;
}

class Household {
  @IsInt({ message: '人数必须是整数' })
  size: number;

  @ValidateNested({ each: true })
  @Type(() => Member)
  members: Member[];
}

describe('toFieldErrors', () => {
  it('names nested and indexed fields with their messages', () => {
    const input = plainToInstance(Household, { size: 'three', members: [{ name: 'a' }, { name: 5 }], extra: 1 });
    const errors = toFieldErrors(validateSync(input, VALIDATION_OPTIONS));
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'size', messages: ['人数必须是整数'] },
        { field: 'members[1].name', messages: ['姓名必须是文本'] },
        { field: 'extra', messages: ['不允许的字段：extra'] },
      ]),
    );
  });
});
