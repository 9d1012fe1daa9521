// @ts-check

/**
 * Deployment gate decisions (every call of POST .../gate, allowed or denied) and the break-glass
 * overrides reviewers grant for a denied one. Like every decision table, rows are never deleted:
 * an override is consumed once, by the next gate call for its entity, environment and commit.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('si_gate_decisions', table => {
    // knex does not escape quotes in PostgreSQL comments, so none are used in them.
    table.comment(
      'Deployment gate decisions, one per pipeline call, never deleted',
    );
    table.string('id', 36).primary().comment('UUID of the decision');
    table
      .string('entity_ref', 512)
      .notNullable()
      .comment('Catalog entity ref of the service');
    table
      .string('environment', 64)
      .notNullable()
      .comment('Environment the pipeline deploys to');
    table
      .string('commit', 128)
      .notNullable()
      .comment('Commit the pipeline deploys');
    table
      .boolean('allowed')
      .notNullable()
      .comment('Whether the deploy may proceed');
    table
      .text('reasons')
      .notNullable()
      .comment('JSON array of the reasons: code, blocking, check, message');
    table
      .string('caller', 512)
      .notNullable()
      .comment('Principal that asked: service subject or user entity ref');
    table
      .string('override_id', 36)
      .nullable()
      .comment('Break-glass override consumed by this decision');
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .comment('When the gate decided');
    table.index(['entity_ref', 'created_at'], 'si_gate_decisions_entity_idx');
  });
  await knex.schema.createTable('si_gate_overrides', table => {
    table.comment(
      'Break-glass overrides of denied gate decisions, usable once before they expire',
    );
    table.string('id', 36).primary().comment('UUID of the override');
    table
      .string('decision_id', 36)
      .notNullable()
      .comment('The denied decision it overrides');
    table
      .string('entity_ref', 512)
      .notNullable()
      .comment('Catalog entity ref of the service');
    table
      .string('environment', 64)
      .notNullable()
      .comment('Environment of the denied decision');
    table
      .string('commit', 128)
      .notNullable()
      .comment('Commit of the denied decision');
    table
      .text('reason')
      .notNullable()
      .comment('Why the reviewer lets the deploy through');
    table
      .string('granted_by', 512)
      .notNullable()
      .comment('User entity ref of the reviewer');
    table
      .timestamp('granted_at', { useTz: true })
      .notNullable()
      .comment('When it was granted');
    table
      .timestamp('expires_at', { useTz: true })
      .notNullable()
      .comment('Unused after this it no longer applies');
    table
      .string('consumed_by', 36)
      .nullable()
      .comment('The gate decision that used it');
    table
      .timestamp('consumed_at', { useTz: true })
      .nullable()
      .comment('When it was used');
    table.index(
      ['entity_ref', 'environment', 'commit'],
      'si_gate_overrides_target_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('si_gate_overrides');
  await knex.schema.dropTable('si_gate_decisions');
};
