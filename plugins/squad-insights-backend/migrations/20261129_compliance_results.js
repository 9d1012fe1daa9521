// @ts-check

/**
 * Stored compliance results: the full evaluation of each portfolio service, written with its
 * summary row whenever an input changes, so the per-entity endpoint serves a stored answer
 * instead of evaluating the policy on every request. Derived data like the summaries: safe to
 * drop, the next refresh writes it again.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('si_compliance_results', table => {
    // knex does not escape quotes in PostgreSQL comments, so none are used in them.
    table.comment(
      'Full compliance evaluation per service as the entity endpoint serves it, derived and recomputed',
    );
    table
      .string('entity_ref', 512)
      .primary()
      .comment('Catalog entity ref of the service');
    table
      .text('result')
      .notNullable()
      .comment(
        'JSON of the evaluation response, evidence included, without secrets',
      );
    table
      .timestamp('evaluated_at', { useTz: true })
      .notNullable()
      .comment('When the evaluation ran');
    table
      .timestamp('valid_until', { useTz: true })
      .nullable()
      .comment(
        'When the result stops holding by time alone: a waiver expires or a fact turns stale',
      );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('si_compliance_results');
};
