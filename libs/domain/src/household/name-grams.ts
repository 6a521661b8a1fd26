/**
 * The search grams of a name: every character and every pair of neighbouring characters. A GIN index over them
 * finds a one- or two-character query (a Chinese surname, or a two-character full name) through the index, which
 * pg_trgm cannot do for fewer than three characters.
 */
export function nameGrams(name: string): string[] {
  const chars = [...normalizeName(name)];
  const grams = new Set<string>(chars);
  for (let i = 0; i + 1 < chars.length; i += 1) {
    grams.add(chars[i] + chars[i + 1]);
  }
  return [...grams];
}

/** The grams a query must all match: its characters when it is one long, else its bigrams. */
export function queryGrams(query: string): string[] {
  const chars = [...normalizeName(query)];
  if (chars.length <= 1) {
    return chars;
  }
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) {
    grams.add(chars[i] + chars[i + 1]);
  }
  return [...grams];
}

/** Names compared without spaces and the middle dots of minority and foreign names. */
export function normalizeName(name: string): string {
  return name.replace(/[\s·•・]/g, '');
}
