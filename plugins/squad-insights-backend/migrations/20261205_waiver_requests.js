// @ts-check

/**
 * Waiver requests: a squad asks for a waiver of a failing check, a reviewer approves it (which
 * grants a waiver in si_waivers, linked by waiver_id) or rejects it. Like every decision table,
 * rows are never deleted: a request moves from requested to granted or rejected exactly once.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('si_waiver_requests', table => {
    // knex does not escape quotes in PostgreSQL comments, so none are used in them.
    table.comment(
      'Requests for compliance waivers, decided once by a reviewer, never deleted',
    );
    table.string('id', 36).primary().comment('UUID of the request');
    table
      .string('entity_ref', 512)
      .notNullable()
      .comment('Catalog entity ref of the service');
    table
      .string('check_id', 255)
      .notNullable()
      .comment('Policy check the waiver would cover');
    table
      .text('justification')
      .notNullable()
      .comment('Why the squad asks for the waiver');
    table
      .timestamp('expires_at', { useTz: true })
      .notNullable()
      .comment('Expiry the squad asks for');
    table
      .string('requested_by', 512)
      .notNullable()
      .comment('User entity ref of the requester');
    table
      .timestamp('requested_at', { useTz: true })
      .notNullable()
      .comment('When the request was made');
    table
      .string('status', 16)
      .notNullable()
      .comment('requested, granted or rejected');
    table
      .string('decided_by', 512)
      .nullable()
      .comment('User entity ref of the reviewer who decided');
    table
      .timestamp('decided_at', { useTz: true })
      .nullable()
      .comment('When the request was decided');
    table
      .text('decision_reason')
      .nullable()
      .comment('Why the reviewer rejected the request');
    table
      .string('waiver_id', 36)
      .nullable()
      .comment('The waiver granted on approval, in si_waivers');
    table.index(['entity_ref'], 'si_waiver_requests_entity_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('si_waiver_requests');
};
