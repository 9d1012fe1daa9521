// @ts-check

/**
 * Measured usage (CloudWatch) per service and hourly grid carbon intensity per zone, each
 * with its freshness. A failed read never deletes: it marks the last good figures stale,
 * with the reason, and the estimate keeps using them.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // knex does not escape quotes in PostgreSQL comments, so none are used in them.
  await knex.schema.createTable('si_measured_usage', table => {
    table.comment(
      'Last good usage measured for each service, with its freshness',
    );
    table
      .string('entity_ref', 512)
      .primary()
      .comment('Catalog entity ref of the service');
    table
      .string('source_id', 255)
      .notNullable()
      .comment('Usage source the figures came from');
    table
      .text('figures')
      .notNullable()
      .comment('JSON of the measured figures by Terraform address');
    table
      .text('missing')
      .notNullable()
      .comment('JSON list of resources without a figure, with the reason');
    table
      .text('regions')
      .notNullable()
      .comment('JSON list of the regions the measured resources are in');
    table
      .timestamp('measured_at', { useTz: true })
      .nullable()
      .comment('When the figures were last read successfully');
    table
      .timestamp('attempted_at', { useTz: true })
      .notNullable()
      .comment('When a read was last attempted');
    table
      .boolean('stale')
      .notNullable()
      .defaultTo(false)
      .comment('True when the last attempt failed');
    table
      .text('stale_reason')
      .nullable()
      .comment('Why the last attempt failed');
  });
  await knex.schema.createTable('si_grid_intensity', table => {
    table.comment('Hourly grid carbon intensity per zone');
    table
      .string('zone', 64)
      .notNullable()
      .comment('Grid zone, as Electricity Maps names it');
    table
      .timestamp('hour', { useTz: true })
      .notNullable()
      .comment('Start of the hour (UTC)');
    table
      .double('g_co2e_per_kwh')
      .notNullable()
      .comment('Lifecycle g CO2e per kWh');
    table
      .double('renewable_share')
      .nullable()
      .comment('Renewable share 0 to 1, when known');
    table
      .boolean('estimated')
      .notNullable()
      .defaultTo(false)
      .comment('The provider estimated the hour');
    table.unique(['zone', 'hour'], {
      indexName: 'si_grid_intensity_zone_hour_uq',
    });
  });
  await knex.schema.createTable('si_grid_intensity_status', table => {
    table.comment('Freshness of the hourly intensity of each zone');
    table.string('zone', 64).primary().comment('Grid zone');
    table.text('source').notNullable().comment('Where the series comes from');
    table
      .timestamp('read_at', { useTz: true })
      .nullable()
      .comment('Last successful read');
    table
      .timestamp('attempted_at', { useTz: true })
      .notNullable()
      .comment('Last attempt');
    table
      .boolean('stale')
      .notNullable()
      .defaultTo(false)
      .comment('True when the last attempt failed');
    table
      .text('stale_reason')
      .nullable()
      .comment('Why the last attempt failed');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('si_grid_intensity_status');
  await knex.schema.dropTable('si_grid_intensity');
  await knex.schema.dropTable('si_measured_usage');
};
