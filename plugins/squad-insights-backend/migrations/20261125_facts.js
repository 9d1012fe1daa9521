// @ts-check

/**
 * Facts about deployed infrastructure (Terraform state inventories) and running services
 * (Consul views), the current value and the history of every change. Inventories are
 * stored as the reader produced them: secrets were already removed while parsing.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('si_state_snapshots', table => {
    table.comment(
      'The last good inventory of each Terraform state, and how fresh it is',
    );
    table
      .string('reference', 512)
      .primary()
      .comment('<source-id>:<key> of the state');
    table
      .string('marker', 512)
      .nullable()
      .comment('Change marker of the last good read (ETag, mtime+size, ...)');
    table
      .string('status', 32)
      .notNullable()
      .comment('ok, no-state or no-resources');
    table
      .integer('serial')
      .nullable()
      .comment('Terraform state serial, when known');
    table
      .text('inventory')
      .notNullable()
      .comment('StateInventory JSON, secrets removed');
    table
      .timestamp('read_at', { useTz: true })
      .notNullable()
      .comment('When the inventory was read');
    table
      .timestamp('checked_at', { useTz: true })
      .notNullable()
      .comment('Last time the marker was checked');
    table
      .text('last_error')
      .nullable()
      .comment(
        'Error of the last failed attempt; null when the last attempt succeeded',
      );
    table.timestamp('last_error_at', { useTz: true }).nullable();
  });

  await knex.schema.createTable('si_state_history', table => {
    table.comment('Every change of a Terraform state inventory');
    table.bigIncrements('id').primary();
    table.string('reference', 512).notNullable();
    table.string('marker', 512).nullable();
    table.integer('serial').nullable();
    table.integer('resource_count').notNullable();
    table
      .text('inventory')
      .notNullable()
      .comment('StateInventory JSON, secrets removed');
    table.timestamp('read_at', { useTz: true }).notNullable();
    table.index(['reference', 'read_at'], 'si_state_history_reference_idx');
  });

  await knex.schema.createTable('si_entity_states', table => {
    table.comment('Which catalog entity names which Terraform states');
    table.string('entity_ref', 512).notNullable();
    table.string('reference', 512).notNullable();
    table.primary(['entity_ref', 'reference']);
    table.index(['reference'], 'si_entity_states_reference_idx');
  });

  await knex.schema.createTable('si_consul_views', table => {
    // knex does not escape quotes in PostgreSQL comments, so none are used in them.
    table.comment(
      'The last good Consul view of each service, and how fresh it is',
    );
    table.string('service_name', 255).primary();
    table
      .text('view')
      .nullable()
      .comment('ConsulServiceView JSON; null when never read successfully');
    table
      .bigInteger('consul_index')
      .nullable()
      .comment('X-Consul-Index the view was read at');
    table.timestamp('read_at', { useTz: true }).nullable();
    table.text('last_error').nullable();
    table.timestamp('last_error_at', { useTz: true }).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('si_consul_views');
  await knex.schema.dropTable('si_entity_states');
  await knex.schema.dropTable('si_state_history');
  await knex.schema.dropTable('si_state_snapshots');
};
