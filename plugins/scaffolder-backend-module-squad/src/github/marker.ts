/**
 * The topic every repository created by the squad template carries. A repository that has it
 * was created by an earlier run of the template, so a re-run may reuse it instead of failing
 * on "name already exists"; one without it belongs to someone else and is never touched.
 *
 * @public
 */
export const SQUAD_INSIGHTS_MARKER_TOPIC = 'squad-insights-managed';
