/** Where both frontend systems mount the report page (see the README). @public */
export const SUSTAINABILITY_REPORT_PATH =
  '/squad-insights/reports/sustainability';

/** The report page for a tribe (or the organisation), optionally for one month. @public */
export function sustainabilityReportLink(
  tribe?: string,
  month?: string,
): string {
  const params = new URLSearchParams();
  if (tribe) params.set('tribe', tribe);
  if (month) params.set('month', month);
  const search = params.toString();
  return `${SUSTAINABILITY_REPORT_PATH}${search ? `?${search}` : ''}`;
}
