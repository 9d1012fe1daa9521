// @ts-check

/**
 * Compliance waivers and reviews. Both are records of human decisions that auditors may ask
 * for later, so rows are never deleted: a waiver is revoked by filling the revoked columns and
 * a review is written once and never updated.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('si_waivers', table => {
    // knex does not escape quotes in PostgreSQL comments, so none are used in them.
    table.comment(
      'Time limited exceptions to compliance checks, revoked but never deleted',
    );
    table.string('id', 36).primary().comment('UUID of the waiver');
    table
      .string('entity_ref', 512)
      .notNullable()
      .comment('Catalog entity ref of the service');
    table
      .string('check_id', 255)
      .notNullable()
      .comment('Policy check the waiver covers');
    table
      .text('justification')
      .notNullable()
      .comment('Why the failure is accepted');
    table
      .string('granted_by', 512)
      .notNullable()
      .comment('User entity ref of the grantor');
    table
      .timestamp('granted_at', { useTz: true })
      .notNullable()
      .comment('When the waiver was granted');
    table
      .timestamp('expires_at', { useTz: true })
      .notNullable()
      .comment('When the waiver stops applying');
    table
      .string('revoked_by', 512)
      .nullable()
      .comment('User entity ref of the revoker');
    table
      .timestamp('revoked_at', { useTz: true })
      .nullable()
      .comment('When the waiver was revoked');
    table
      .text('revoke_reason')
      .nullable()
      .comment('Why the waiver was revoked');
    table.index(['entity_ref'], 'si_waivers_entity_idx');
  });
  await knex.schema.createTable('si_reviews', table => {
    table.comment('Compliance reviews of a service, immutable once written');
    table.string('id', 36).primary().comment('UUID of the review');
    table
      .string('entity_ref', 512)
      .notNullable()
      .comment('Catalog entity ref of the service');
    table
      .string('reviewer', 512)
      .notNullable()
      .comment('User entity ref of the reviewer');
    table
      .string('decision', 32)
      .notNullable()
      .comment('approved or changes_requested');
    table.text('comment').nullable().comment('Free text of the reviewer');
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .comment('When the review was written');
    table
      .text('snapshot')
      .notNullable()
      .comment('JSON of the compliance results the reviewer judged');
    table.index(['entity_ref'], 'si_reviews_entity_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('si_reviews');
  await knex.schema.dropTable('si_waivers');
};
