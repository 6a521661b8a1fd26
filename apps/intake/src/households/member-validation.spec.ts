import { idNumberCheckCharacter } from '@app/domain';

import { validateMembers } from './member-validation';

const id = (first17: string) => first17 + idNumberCheckCharacter(first17);
const member = (overrides: Record<string, unknown> = {}) => ({
  name: '张三',
  idNumber: id('22010219800101001'),
  relationship: '02' as const,
  health: 'HEALTHY' as const,
  workCapacity: 'FULL' as const,
  schooling: 'NONE' as const,
  ...overrides,
});
const known = () => true;

describe('validateMembers', () => {
  it('normalises a valid household: birth date, sex and name grams from the data', () => {
    const { members, errors } = validateMembers(
      [member(), member({ name: '李 四', idNumber: id('22010219820202002'), relationship: '10' })],
      known,
    );
    expect(errors).toEqual([]);
    expect(members[1]).toMatchObject({ name: '李四', birthDate: '1982-02-02', sex: 'F' });
    expect(members[1].nameGrams).toContain('李四');
  });

  it('names the member whose ID number fails and why', () => {
    const { errors } = validateMembers(
      [member(), member({ idNumber: '220102198002300011', relationship: '20' })],
      known,
    );
    expect(errors).toEqual([{ field: 'members[1].idNumber', messages: ['身份证号码中的出生日期不存在或晚于今天'] }]);
  });

  it('refuses the same person twice', () => {
    const { errors } = validateMembers(
      [member(), member({ relationship: '20', idNumber: member().idNumber.toLowerCase() })],
      known,
    );
    expect(errors).toEqual([
      { field: 'members[1].idNumber', messages: ['与第1名成员的身份证号码重复，同一人只能登记一次'] },
    ]);
  });

  it('wants exactly one head', () => {
    expect(validateMembers([member({ relationship: '10' })], known).errors).toEqual([
      { field: 'members', messages: ['家庭成员中须有一名户主（与户主关系代码02）'] },
    ]);
    expect(validateMembers([member(), member({ idNumber: id('22010219820202002') })], known).errors).toEqual([
      { field: 'members', messages: ['家庭成员中只能有一名户主'] },
    ]);
  });
});
