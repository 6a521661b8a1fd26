/** A cell: quoted when it holds a comma, a quote or a line break. */
const cell = (value: string | number): string => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Rows as a spreadsheet file: UTF-8 with a byte-order mark and CRLF line ends, so spreadsheet programs read it. */
export function csvOf(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return `\ufeff${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
