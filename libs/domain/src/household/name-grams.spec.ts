import { nameGrams, normalizeName, queryGrams } from './name-grams';

describe('nameGrams', () => {
  it('holds each character and each neighbouring pair', () => {
    expect(nameGrams('张小明').sort()).toEqual(['小', '小明', '张', '张小', '明'].sort());
  });

  it('ignores spaces and middle dots', () => {
    expect(normalizeName('阿依古丽·买买提')).toBe('阿依古丽买买提');
  });
});

describe('queryGrams', () => {
  it('asks a one-character query by its character and longer ones by their bigrams', () => {
    expect(queryGrams('张')).toEqual(['张']);
    expect(queryGrams('张三')).toEqual(['张三']);
    expect(queryGrams('张小明')).toEqual(['张小', '小明']);
  });

  it('matches: every gram of a substring query is among the name grams', () => {
    const grams = new Set(nameGrams('欧阳小明'));
    expect(queryGrams('阳小').every((gram) => grams.has(gram))).toBe(true);
    expect(queryGrams('小红').every((gram) => grams.has(gram))).toBe(false);
  });
});
