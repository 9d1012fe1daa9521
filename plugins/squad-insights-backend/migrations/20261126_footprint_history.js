// @ts-check

/**
 * One footprint snapshot per service and day, written by the daily snapshot task, so the
 * sustainability card can show a trend. Only totals and the component breakdown are kept:
 * the full analysis can always be recomputed from the stored inventories of that day.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('si_footprint_history', table => {
    // knex does not escape quotes in PostgreSQL comments, so none are used in them.
    table.comment('Daily footprint snapshot of each service');
    table.bigIncrements('id').primary();
    table
      .string('entity_ref', 512)
      .notNullable()
      .comment('Catalog entity ref of the service');
    table.date('day').notNullable().comment('UTC day the snapshot stands for');
    table
      .double('kwh_per_day')
      .notNullable()
      .comment('Operational energy after PUE in kWh per day');
    table
      .double('co2e_kg_per_day')
      .notNullable()
      .comment('Operational plus embodied kg CO2e per day');
    table
      .double('carbon_tax_sek_per_month')
      .notNullable()
      .comment('Internal carbon tax in SEK per month');
    table
      .text('breakdown')
      .notNullable()
      .comment('JSON of kWh and kg CO2e per day by component');
    table
      .timestamp('recorded_at', { useTz: true })
      .notNullable()
      .comment('When the snapshot was last written');
    table.unique(['entity_ref', 'day'], {
      indexName: 'si_footprint_history_entity_day_uq',
    });
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('si_footprint_history');
};
