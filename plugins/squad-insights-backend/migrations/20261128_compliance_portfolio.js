// @ts-check

/**
 * Compliance summaries: one row per service with its current verdict, so the portfolio of the
 * review page is filtered, sorted and paged in SQL instead of evaluating every service per
 * request. The rows are derived data: recomputed when an input changes and by a scheduled
 * pass, and safe to drop (the next pass writes them again).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('si_compliance_summaries', table => {
    // knex does not escape quotes in PostgreSQL comments, so none are used in them.
    table.comment(
      'Current compliance verdict per service, derived and recomputed, for the portfolio query',
    );
    table
      .string('entity_ref', 512)
      .primary()
      .comment('Catalog entity ref of the service');
    table
      .string('name', 255)
      .notNullable()
      .comment('metadata.name of the service');
    table
      .string('title', 512)
      .nullable()
      .comment('metadata.title of the service');
    table
      .string('squad_ref', 512)
      .nullable()
      .comment('Group entity ref of the owning squad');
    table
      .string('tribe_ref', 512)
      .nullable()
      .comment('Group entity ref of the tribe of the owning squad');
    table
      .text('search_text')
      .notNullable()
      .comment('Lower cased name, title, squad and tribe, for search');
    table
      .string('status', 16)
      .notNullable()
      .comment('compliant, failing or unknown');
    table
      .integer('status_rank')
      .notNullable()
      .comment('0 failing, 1 unknown, 2 compliant: sorts worst first');
    table
      .double('score')
      .nullable()
      .comment('Service score between 0 and 1, null when nothing was judged');
    table
      .integer('failing_checks')
      .notNullable()
      .comment('Failing checks without an active waiver');
    table
      .text('frameworks')
      .notNullable()
      .comment(
        'JSON of the applying frameworks with status, score and failures',
      );
    table
      .integer('waivers_active')
      .notNullable()
      .comment('Waivers applying when the row was computed');
    table
      .integer('waivers_expiring_soon')
      .notNullable()
      .comment('Active waivers expiring within 30 days of computed_at');
    table
      .timestamp('next_waiver_expiry', { useTz: true })
      .nullable()
      .comment('Earliest expiry of an active waiver');
    table
      .timestamp('last_review_at', { useTz: true })
      .nullable()
      .comment('When the latest review was recorded');
    table
      .string('last_review_by', 512)
      .nullable()
      .comment('User entity ref of the latest reviewer');
    table
      .string('last_review_decision', 32)
      .nullable()
      .comment('approved or changes_requested');
    table
      .boolean('stale')
      .notNullable()
      .comment('True when an input of the verdict was stale');
    table
      .timestamp('computed_at', { useTz: true })
      .notNullable()
      .comment('When this row was computed');
    table.index(['tribe_ref'], 'si_compliance_summaries_tribe_idx');
    table.index(['squad_ref'], 'si_compliance_summaries_squad_idx');
    table.index(['status_rank'], 'si_compliance_summaries_status_idx');
    table.index(['next_waiver_expiry'], 'si_compliance_summaries_expiry_idx');
  });
  await knex.schema.createTable('si_compliance_summary_frameworks', table => {
    table.comment(
      'Verdict per service and applying framework, for the framework and status filter',
    );
    table
      .string('entity_ref', 512)
      .notNullable()
      .comment('Catalog entity ref of the service');
    table
      .string('framework_id', 255)
      .notNullable()
      .comment('Framework id of the policy, e.g. PCI_DSS');
    table
      .string('title', 512)
      .notNullable()
      .comment('Framework title of the policy');
    table
      .string('status', 16)
      .notNullable()
      .comment('compliant, failing or unknown');
    table
      .double('score')
      .nullable()
      .comment('Framework score between 0 and 1, null when nothing was judged');
    table
      .integer('failed')
      .notNullable()
      .comment('Failing checks of the framework without an active waiver');
    table.primary(['entity_ref', 'framework_id']);
    table.index(
      ['framework_id', 'status'],
      'si_compliance_summary_frameworks_status_idx',
    );
  });
  await knex.schema.createTable('si_compliance_summary_sources', table => {
    table.comment(
      'Fact sources each summary was computed from, to find the summaries a new fact changes',
    );
    table
      .string('entity_ref', 512)
      .notNullable()
      .comment('Catalog entity ref of the service');
    table
      .string('source', 1024)
      .notNullable()
      .comment('state:REFERENCE or consul:SERVICE');
    table.primary(['entity_ref', 'source']);
    table.index(['source'], 'si_compliance_summary_sources_source_idx');
  });
  await knex.schema.createTable(
    'si_compliance_summary_failing_checks',
    table => {
      table.comment(
        'Checks failing without an active waiver per summary, for the filter by check',
      );
      table
        .string('entity_ref', 512)
        .notNullable()
        .comment('Catalog entity ref of the service');
      table
        .string('check_id', 255)
        .notNullable()
        .comment('Check id of the policy');
      table.primary(['entity_ref', 'check_id']);
      table.index(
        ['check_id'],
        'si_compliance_summary_failing_checks_check_idx',
      );
    },
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('si_compliance_summary_failing_checks');
  await knex.schema.dropTable('si_compliance_summary_sources');
  await knex.schema.dropTable('si_compliance_summary_frameworks');
  await knex.schema.dropTable('si_compliance_summaries');
};
