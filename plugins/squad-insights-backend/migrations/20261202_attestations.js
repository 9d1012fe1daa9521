// @ts-check

/**
 * Attestations of controls no infrastructure fact can show (GDPR erasure and portability,
 * anonymisation after retention, PSD2 strong customer authentication). Like waivers they are
 * signed human decisions an auditor may ask for later, so rows are never deleted: an
 * attestation expires by its expires_at and is revoked by filling the revoked columns.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('si_attestations', table => {
    // knex does not escape quotes in PostgreSQL comments, so none are used in them.
    table.comment(
      'Reviewer attestations of controls, time limited, revoked but never deleted',
    );
    table.string('id', 36).primary().comment('UUID of the attestation');
    table
      .string('entity_ref', 512)
      .notNullable()
      .comment('Catalog entity ref of the service');
    table
      .string('check_id', 255)
      .notNullable()
      .comment('Attested policy check the statement covers');
    table
      .text('statement')
      .notNullable()
      .comment('What the reviewer attests is in place');
    table
      .string('evidence_url', 2048)
      .notNullable()
      .comment('Link to the evidence, http or https');
    table
      .string('attested_by', 512)
      .notNullable()
      .comment('User entity ref of the reviewer');
    table
      .timestamp('attested_at', { useTz: true })
      .notNullable()
      .comment('When the attestation was made');
    table
      .timestamp('expires_at', { useTz: true })
      .notNullable()
      .comment('When the attestation stops counting');
    table
      .string('revoked_by', 512)
      .nullable()
      .comment('User entity ref of the revoker');
    table
      .timestamp('revoked_at', { useTz: true })
      .nullable()
      .comment('When the attestation was revoked');
    table
      .text('revoke_reason')
      .nullable()
      .comment('Why the attestation was revoked');
    table.index(['entity_ref'], 'si_attestations_entity_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('si_attestations');
};
