import { Type } from 'class-transformer';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min, ValidateNested, validateSync } from 'class-validator';

import { BankAuth, BankPostResultsRequest } from '@app/contracts';

import { toFieldErrors, validateContract, VALIDATION_OPTIONS } from './validation';

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

class Opinion {
  @IsString()
  @IsNotEmpty({ message: '请填写意见' })
  @MaxLength(5, { message: '意见不能超过5个字符' })
  opinion: string;
}

describe('toFieldErrors of a required field', () => {
  const errorsOf = (value: object) => toFieldErrors(validateSync(plainToInstance(Opinion, value), VALIDATION_OPTIONS));

  it('tells a field left out or empty only that it is required', () => {
    expect(errorsOf({})).toEqual([{ field: 'opinion', messages: ['请填写意见'] }]);
    expect(errorsOf({ opinion: '' })).toEqual([{ field: 'opinion', messages: ['请填写意见'] }]);
    expect(errorsOf({ opinion: null })).toEqual([{ field: 'opinion', messages: ['请填写意见'] }]);
  });

  it('tells a field given a wrong value everything that is wrong with it', () => {
    expect(errorsOf({ opinion: '太长了的一段意见' })).toEqual([
      { field: 'opinion', messages: ['意见不能超过5个字符'] },
    ]);
    expect(errorsOf({ opinion: 12 })).toEqual([
      { field: 'opinion', messages: expect.arrayContaining(['opinion 必须是文本', '意见不能超过5个字符']) },
    ]);
  });
});

class Unworded {
  @IsIn(['A', 'B'])
  kind: string;

  @IsInt()
  @Min(1)
  @Max(9)
  limit: number;

  @ValidateNested()
  @Type(() => Member)
  head: Member;
}

class Listed {
  @ValidateNested({ each: true })
  @Type(() => Member)
  members: Member[];

  @IsString({ each: true })
  tags: string[];
}

describe("toFieldErrors of class-validator's own messages", () => {
  it('tells them in Chinese', () => {
    const input = plainToInstance(Unworded, { kind: 'C', limit: 0, head: 'x' });
    expect(toFieldErrors(validateSync(input, VALIDATION_OPTIONS))).toEqual([
      { field: 'kind', messages: ['kind 只能是以下之一：A, B'] },
      { field: 'limit', messages: ['limit 不能小于1'] },
      { field: 'head', messages: ['head 必须是对象或数组'] },
    ]);
    const listed = plainToInstance(Listed, { members: ['x'], tags: ['a', 2] });
    expect(toFieldErrors(validateSync(listed, VALIDATION_OPTIONS))).toEqual([
      { field: 'members[0]', messages: ['members 的每一项必须是对象或数组'] },
      { field: 'tags', messages: ['tags 的每一项必须是文本'] },
    ]);
    const over = plainToInstance(Unworded, { kind: 'A', limit: 10, head: { name: 'a' } });
    expect(toFieldErrors(validateSync(over, VALIDATION_OPTIONS))).toEqual([
      { field: 'limit', messages: ['limit 不能大于9'] },
    ]);
  });
});

describe('validateContract (a bulk array checked where it lies)', () => {
  const auth = {
    bankCode: 'JLRCB',
    method: 'POST',
    path: '/bank/v1/batches/B-1/results',
    timestamp: '1',
    nonce: 'n'.repeat(16),
    signature: 'a'.repeat(64),
    bodySha256: 'b'.repeat(64),
  };
  const paid = { lineId: 1, outcome: 'PAID', amountFen: 100, bankReference: 'R1' };

  it('keeps the very array it was given (no copy of each element) and types the rest', () => {
    const results = [paid, { lineId: 2, outcome: 'FAILED', amountFen: 100, failureCode: 'ACCOUNT_CLOSED' }];
    const { instance, errors } = validateContract(BankPostResultsRequest, { auth, batchId: 'B-1', results });
    expect(errors).toEqual([]);
    expect(instance).toBeInstanceOf(BankPostResultsRequest);
    expect(instance.auth).toBeInstanceOf(BankAuth);
    expect(instance.results).toBe(results);
  });

  it('names the first bad element, an unknown key, a missing array and an unknown field of the envelope', () => {
    const bad = (payload: object) => toFieldErrors(validateContract(BankPostResultsRequest, payload).errors);
    expect(bad({ auth, batchId: 'B-1', results: [paid, { ...paid, outcome: 'MAYBE' }] })).toEqual([
      { field: 'results', messages: ['results[1]：outcome只能是PAID或FAILED'] },
    ]);
    expect(bad({ auth, batchId: 'B-1', results: [{ ...paid, extra: 1 }] })).toEqual([
      { field: 'results', messages: ['results[0]：不允许的字段：extra'] },
    ]);
    expect(bad({ auth, batchId: 'B-1', results: [paid, { ...paid, lineId: 2, bankReference: 'R\u00002' }] })).toEqual([
      { field: 'results', messages: ['results[1]：bankReference不能包含控制字符'] },
    ]);
    expect(
      bad({
        auth,
        batchId: 'B-1',
        results: [
          { lineId: 3, outcome: 'FAILED', amountFen: 1, failureCode: 'OTHER', failureReason: '户名\u0007不符' },
        ],
      }),
    ).toEqual([{ field: 'results', messages: ['results[0]：failureReason不能包含控制字符'] }]);
    expect(bad({ auth, batchId: 'B-1' })[0]).toMatchObject({ field: 'results' });
    expect(bad({ auth, batchId: 'B-1', results: [paid], admin: true })).toEqual([
      { field: 'admin', messages: ['不允许的字段：admin'] },
    ]);
  });

  it('does not let a "__proto__" key of the JSON reach the instance', () => {
    const payload = JSON.parse(`{"batchId":"B-1","results":[],"__proto__":{"polluted":true}}`) as object;
    const { instance } = validateContract(BankPostResultsRequest, { ...payload, auth });
    expect(Object.getPrototypeOf(instance)).toBe(BankPostResultsRequest.prototype);
    expect((instance as unknown as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
