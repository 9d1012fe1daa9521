/** A value of one CSV cell; `undefined` and `null` become an empty cell. */
export type CsvValue = string | number | boolean | null | undefined;

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection), and
// service titles come from catalog YAML anyone can edit. A leading apostrophe makes it text.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: CsvValue): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  // RFC 4180 §2.6–2.7: quote fields holding a comma, quote or line break; double inner quotes.
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes a header and rows as RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted
 * only where they must be.
 *
 * @public
 */
export function toCsv(header: string[], rows: CsvValue[][]): string {
  return [header, ...rows]
    .map(row => row.map(csvCell).join(','))
    .join('\r\n')
    .concat('\r\n');
}

/**
 * A file name carrying the day of the export, e.g. `compliance-review-2026-11-26.csv`.
 *
 * @public
 */
export function csvFileName(prefix: string, now: Date = new Date()): string {
  return `${prefix}-${now.toISOString().slice(0, 10)}.csv`;
}

/**
 * Hands CSV text to the browser as a download, built in memory: no server round trip.
 *
 * @public
 */
export function downloadCsv(fileName: string, csv: string): void {
  // The byte order mark makes Excel read the file as UTF-8 (å, ä, ö in squad names).
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled; revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
