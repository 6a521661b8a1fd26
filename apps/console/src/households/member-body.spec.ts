import { emptyMember, householdBody, type MemberChangeDraft, memberChangeBody, memberInput } from './member-body';

const change = (over: Partial<MemberChangeDraft>): MemberChangeDraft => ({
  kind: 'LEAVE',
  reason: 'DEATH',
  occurredOn: '2026-11-20',
  idNumber: '',
  headLeaves: false,
  member: emptyMember('20'),
  newHeadIdNumber: '',
  relationships: [],
  payeeBankCode: '',
  payeeAccountNo: '',
  note: '',
  ...over,
});

describe('the household forms', () => {
  it('sends a member trimmed, the grade as a number, optional fields only when given', () => {
    expect(
      memberInput({ ...emptyMember(), name: ' 王大山 ', idNumber: ' 22010219600101003x ', disabilityGrade: '2' }),
    ).toEqual({
      name: '王大山',
      idNumber: '22010219600101003X',
      relationship: '02',
      health: 'HEALTHY',
      workCapacity: 'FULL',
      schooling: 'NONE',
      disabilityGrade: 2,
    });
    // Not a grade: sent as typed, for the gateway to refuse by field.
    expect(memberInput({ ...emptyMember(), disabilityGrade: '二级' }).disabilityGrade).toBe('二级');
  });

  it('leaves an empty address out of a household', () => {
    const body = householdBody({ divisionCode: ' 220102001001 ', address: ' ', members: [emptyMember()] });
    expect(body).not.toHaveProperty('address');
    expect(body.divisionCode).toBe('220102001001');
    expect(body.members).toHaveLength(1);
  });

  it('sends a leaver by ID number, and no new head unless the head leaves', () => {
    expect(memberChangeBody(change({ idNumber: '22010220100101002x', note: ' 死亡证明 ' }))).toEqual({
      kind: 'LEAVE',
      reason: 'DEATH',
      occurredOn: '2026-11-20',
      idNumber: '22010220100101002X',
      note: '死亡证明',
    });
  });

  it('sends the new head with the relationships typed, and the card only when given', () => {
    const body = memberChangeBody(
      change({
        idNumber: '220102196001010038',
        headLeaves: true,
        newHeadIdNumber: '220102198501010035',
        relationships: [
          { shownAs: '王小川之妻', idNumber: '220102198701010026', relationship: '10' },
          { shownAs: '未填', idNumber: ' ', relationship: '20' },
        ],
        payeeBankCode: 'JLRCB',
        payeeAccountNo: '6217 0000 1111',
      }),
    );
    expect(body.newHead).toEqual({
      idNumber: '220102198501010035',
      relationships: [{ idNumber: '220102198701010026', relationship: '10' }],
      payee: { bankCode: 'JLRCB', accountNo: '621700001111' },
    });
    expect(memberChangeBody(change({ kind: 'HEAD', reason: 'HANDOVER' })).newHead).toEqual({
      idNumber: '',
      relationships: [],
    });
  });

  it('sends a joiner and nothing of a leaver or a new head', () => {
    const body = memberChangeBody(
      change({ kind: 'JOIN', reason: 'BIRTH', idNumber: 'left over', headLeaves: true, member: emptyMember('20') }),
    );
    expect(Object.keys(body).sort()).toEqual(['kind', 'member', 'occurredOn', 'reason']);
    expect((body.member as { relationship: string }).relationship).toBe('20');
  });
});
