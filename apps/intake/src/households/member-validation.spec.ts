import { idNumberCheckCharacter, maskIdNumber } from '@app/domain';

import { planHandOver, validateMembers } from './member-validation';

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

describe('planHandOver (变更户主)', () => {
  const wife = { name: '王秀英', idNumber: id('22010219820202002') };
  const son = { name: '李小明', idNumber: id('22010220100303003') };
  const daughter = { name: '李小红', idNumber: id('22010220120404004') };

  it('makes the named member the head and relates every other one to them', () => {
    const { plan, errors } = planHandOver([wife, son, daughter], {
      idNumber: wife.idNumber,
      relationships: [
        { idNumber: son.idNumber, relationship: '20' },
        { idNumber: daughter.idNumber.toLowerCase(), relationship: '30' },
      ],
    });
    expect(errors).toEqual([]);
    expect(plan!.headIdNumber).toBe(wife.idNumber);
    expect([...plan!.relationships]).toEqual([
      [son.idNumber, '20'],
      [daughter.idNumber, '30'],
    ]);
  });

  it('wants the new head to stay in the household', () => {
    expect(planHandOver([wife], { idNumber: son.idNumber, relationships: [] }).errors).toEqual([
      { field: 'newHead.idNumber', messages: ['新户主须是留在本家庭的在册成员'] },
    ]);
  });

  it('names each relationship that cannot be taken: a stranger, the head, a repeat, a second head', () => {
    const { plan, errors } = planHandOver([wife, son, daughter], {
      idNumber: wife.idNumber,
      relationships: [
        { idNumber: id('22010219900505005'), relationship: '20' },
        { idNumber: wife.idNumber, relationship: '10' },
        { idNumber: son.idNumber, relationship: '20' },
        { idNumber: son.idNumber, relationship: '20' },
        { idNumber: daughter.idNumber, relationship: '02' },
      ],
    });
    expect(plan).toBeUndefined();
    expect(errors.map((error) => error.field)).toEqual([
      'newHead.relationships[0].idNumber',
      'newHead.relationships[1].idNumber',
      'newHead.relationships[3].idNumber',
      'newHead.relationships[4].relationship',
    ]);
    expect(errors[3].messages).toEqual(['新户主以外的成员不能登记为户主']);
  });

  it('names the members whose relationship to the new head is missing, masked', () => {
    expect(
      planHandOver([wife, son, daughter], {
        idNumber: wife.idNumber,
        relationships: [{ idNumber: son.idNumber, relationship: '20' }],
      }).errors,
    ).toEqual([
      {
        field: 'newHead.relationships',
        messages: [`还须填写以下成员与新户主的关系：李小红（${maskIdNumber(daughter.idNumber)}）`],
      },
    ]);
  });
});
