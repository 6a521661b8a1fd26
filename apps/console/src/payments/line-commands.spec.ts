import { actionsFor, reissueBody } from './line-commands';

describe('what finance can do with a payroll line', () => {
  it('pays a failed line again, and a held one again or not at all; a paid or pending one offers nothing', () => {
    expect(actionsFor({ status: 'FAILED' })).toEqual(['REISSUE']);
    expect(actionsFor({ status: 'HELD' })).toEqual(['REISSUE', 'CANCEL']);
    expect(actionsFor({ status: 'PAID' })).toEqual([]);
    expect(actionsFor({ status: 'PENDING' })).toEqual([]);
    expect(actionsFor({ status: 'CANCELLED' })).toEqual([]);
  });

  it('re-issues to the account typed (spaces dropped) or, left empty, to the benefit’s account as it is now', () => {
    expect(reissueBody({ accountNo: '6217 0000 3333 9999', bankCode: ' jlrcb ', reason: ' 户主已换卡 ' })).toEqual({
      accountNo: '6217000033339999',
      bankCode: 'JLRCB',
      reason: '户主已换卡',
    });
    expect(reissueBody({ accountNo: ' ', bankCode: '', reason: '账号已核实' })).toEqual({ reason: '账号已核实' });
    // Not an account number: sent as typed, for the gateway to refuse by field.
    expect(reissueBody({ accountNo: '6217-00', bankCode: '', reason: 'x' }).accountNo).toBe('6217-00');
  });
});
