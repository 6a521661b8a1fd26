import { sqlArray } from './sql-array';

describe('sqlArray', () => {
  it('quotes text, escapes backslashes and quotes, and writes NULL for null and undefined', () => {
    expect(sqlArray(['PAID', 'a,b', 'say "hi"', 'C:\\x', '{}', 'NULL', '', null, undefined])).toBe(
      '{"PAID","a,b","say \\"hi\\"","C:\\\\x","{}","NULL","",NULL,NULL}',
    );
  });

  it('writes numbers as they are and refuses what is not a finite number', () => {
    expect(sqlArray([1, 9007199254740991, 0, -5])).toBe('{1,9007199254740991,0,-5}');
    expect(sqlArray([])).toBe('{}');
    expect(() => sqlArray([Number.NaN])).toThrow(/finite/);
  });
});
