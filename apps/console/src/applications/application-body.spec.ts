import { applicationBody, emptyApplication } from './application-body';

describe('the registration form as a request body', () => {
  const ID = '22010219800101001X';

  it('sends the applicant, the size as a number, the consent, and nothing left off', () => {
    const draft = {
      ...emptyApplication('220102001001'),
      applicantName: ' 张三 ',
      applicantIdNumber: ' 22010219800101001x ',
      householdSize: '3',
      reason: '因病丧失劳动能力',
      dataCheckConsent: true,
    };
    expect(applicationBody(draft)).toEqual({
      ok: true,
      body: {
        divisionCode: '220102001001',
        applicantName: '张三',
        applicantIdNumber: ID,
        householdSize: 3,
        reason: '因病丧失劳动能力',
        details: { dataCheckConsent: true },
      },
    });
  });

  it('pays the account to the applicant, and reads incomes in yuan as fen (the applicant where no member is named)', () => {
    const draft = {
      ...emptyApplication('220102001001'),
      applicantIdNumber: ID,
      householdSize: '两',
      conflictOfInterest: true,
      conflictOfInterestNote: '  ',
      confidential: true,
      account: { on: true, bankName: '吉林农村商业银行', bankCode: 'JLRCB', accountNo: '6228 4800 0000 0000 017' },
      incomes: [
        { memberIdNumber: '', category: 'WAGES' as const, amountYuan: '1,200.5', period: 'MONTH' as const },
        {
          memberIdNumber: '220102201001010028',
          category: 'OTHER' as const,
          amountYuan: '600',
          period: 'YEAR' as const,
        },
      ],
    };
    const result = applicationBody(draft);
    expect(result.ok && result.body).toMatchObject({
      // Not a number: sent as typed, for the gateway to name the field.
      householdSize: '两',
      details: {
        dataCheckConsent: false,
        conflictOfInterest: true,
        confidential: true,
        paymentAccount: {
          bankName: '吉林农村商业银行',
          bankCode: 'JLRCB',
          accountNo: '6228480000000000017',
          holderIdNumber: ID,
        },
        incomes: [
          { memberIdNumber: ID, category: 'WAGES', amountFen: 120050, period: 'MONTH' },
          { memberIdNumber: '220102201001010028', category: 'OTHER', amountFen: 60000, period: 'YEAR' },
        ],
      },
    });
    expect(result.ok && result.body.details).not.toHaveProperty('conflictOfInterestNote');
  });

  it('names each amount that is not yuan, and sends nothing', () => {
    const draft = {
      ...emptyApplication('220102001001'),
      incomes: [
        { memberIdNumber: '', category: 'WAGES' as const, amountYuan: '100', period: 'MONTH' as const },
        { memberIdNumber: '', category: 'WAGES' as const, amountYuan: '1.234', period: 'MONTH' as const },
      ],
    };
    expect(applicationBody(draft)).toEqual({
      ok: false,
      fields: [{ field: 'details.incomes[1].amountFen', messages: ['金额应为元，最多两位小数'] }],
    });
  });
});
