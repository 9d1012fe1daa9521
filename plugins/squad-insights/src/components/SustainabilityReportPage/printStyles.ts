/**
 * Print layout of the report: A4 portrait with print margins, the app's navigation and the
 * page's own controls hidden, tables kept whole where they fit. The report is printed from
 * the browser (or saved as PDF), so it needs no server-side rendering.
 */
export const REPORT_PRINT_CSS = `
@page { size: A4; margin: 15mm 12mm; }
@media print {
  nav, header, [data-report-no-print] { display: none !important; }
  body, main, article { background: #fff !important; }
  [data-report] { width: auto !important; margin: 0 !important; padding: 0 !important; color: #000; }
  [data-report] table { page-break-inside: auto; width: 100%; font-size: 9pt; }
  [data-report] tr, [data-report] h2, [data-report] h3 { page-break-inside: avoid; page-break-after: auto; }
  [data-report] section { page-break-inside: avoid; margin-bottom: 6mm; }
}
`;
