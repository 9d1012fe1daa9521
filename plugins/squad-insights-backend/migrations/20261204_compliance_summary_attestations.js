// @ts-check

/**
 * Attested controls of each compliance summary (GDPR erasure, PSD2 strong customer
 * authentication, ...), so a reviewer can find the services awaiting an attestation or whose
 * attestation lapsed or lapses soon, without opening every service. The counts come from the
 * stored evaluation; rows written before this migration count zero until the next refresh
 * writes them again (the scheduled pass recomputes every row).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('si_compliance_summaries', table => {
    // knex does not escape quotes in PostgreSQL comments, so none are used in them.
    table
      .integer('attested_checks')
      .notNullable()
      .defaultTo(0)
      .comment('Attested checks of the policy that apply to the service');
    table
      .integer('attestations_current')
      .notNullable()
      .defaultTo(0)
      .comment('Applying attested checks with a current attestation');
    table
      .integer('attestations_awaiting')
      .notNullable()
      .defaultTo(0)
      .comment('Applying attested checks never attested, awaiting a reviewer');
    table
      .integer('attestations_expired')
      .notNullable()
      .defaultTo(0)
      .comment('Applying attested checks whose only attestations expired');
    table
      .timestamp('next_attestation_expiry', { useTz: true })
      .nullable()
      .comment('Earliest expiry of a current attestation');
    table.index(
      ['next_attestation_expiry'],
      'si_compliance_summaries_attestation_expiry_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('si_compliance_summaries', table => {
    table.dropIndex(
      ['next_attestation_expiry'],
      'si_compliance_summaries_attestation_expiry_idx',
    );
    table.dropColumn('attested_checks');
    table.dropColumn('attestations_current');
    table.dropColumn('attestations_awaiting');
    table.dropColumn('attestations_expired');
    table.dropColumn('next_attestation_expiry');
  });
};
