// @ts-check

/**
 * Stores the resources of Terraform state inventories in chunks, written while a state streams
 * in, instead of one JSON text per state: a state of any size is ingested in bounded memory (a
 * single text could not even hold a 1 GB inventory). Rows written before keep their whole
 * inventory and are read as they are (generation null); the next read of the state moves it
 * to chunks.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('si_state_resource_chunks', table => {
    // knex does not escape quotes in PostgreSQL comments, so none are used in them.
    table.comment(
      'Resources of stored Terraform state inventories, chunk by chunk',
    );
    table
      .string('generation', 36)
      .notNullable()
      .comment(
        'The read the chunk belongs to (generation of a snapshot or history row)',
      );
    table
      .integer('chunk')
      .notNullable()
      .comment('Position of the chunk in its read, from 0');
    table
      .string('reference', 512)
      .notNullable()
      .comment('<source-id>:<key> of the state');
    table
      .integer('resource_count')
      .notNullable()
      .comment('Resources in this chunk');
    table
      .text('resources')
      .notNullable()
      .comment('JSON array of InventoryResource, secrets removed');
    table.primary(['generation', 'chunk']);
    table.index(['reference'], 'si_state_resource_chunks_reference_idx');
  });
  for (const name of ['si_state_snapshots', 'si_state_history']) {
    await knex.schema.alterTable(name, table => {
      table
        .string('generation', 36)
        .nullable()
        .comment(
          'Set: inventory holds everything but the resources, which are in si_state_resource_chunks under this generation. Null: inventory holds everything',
        );
      table
        .string('content_hash', 64)
        .nullable()
        .comment(
          'sha256 of the inventory content: history rows are added on change only',
        );
    });
  }
  await knex.schema.alterTable('si_state_snapshots', table => {
    table
      .integer('resource_count')
      .nullable()
      .comment('Resources of the inventory');
  });
  await knex.schema.alterTable('si_state_history', table => {
    table.index(['generation'], 'si_state_history_generation_idx');
  });
};

/**
 * Back to whole inventories: states stored in chunks are forgotten and read again at the next
 * pass (their snapshot rows are removed, so no marker matches); history rows keep their
 * metadata.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex('si_state_snapshots').whereNotNull('generation').delete();
  await knex.schema.alterTable('si_state_history', table => {
    table.dropIndex(['generation'], 'si_state_history_generation_idx');
  });
  await knex.schema.alterTable('si_state_snapshots', table => {
    table.dropColumn('resource_count');
  });
  for (const name of ['si_state_snapshots', 'si_state_history']) {
    await knex.schema.alterTable(name, table => {
      table.dropColumn('generation');
      table.dropColumn('content_hash');
    });
  }
  await knex.schema.dropTable('si_state_resource_chunks');
};
