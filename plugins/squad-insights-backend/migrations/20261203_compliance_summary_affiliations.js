// @ts-check

/**
 * Chapter and guild of each compliance summary, so a chapter or guild lead can filter the
 * portfolio to the services their group looks after, as squads and tribes already can. Rows
 * written before this migration carry no chapter or guild until the next refresh writes them
 * again (the scheduled pass recomputes every row).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('si_compliance_summaries', table => {
    // knex does not escape quotes in PostgreSQL comments, so none are used in them.
    table
      .string('chapter_ref', 512)
      .nullable()
      .comment(
        'Group entity ref of the chapter named by the squad-insights.io/chapter annotation',
      );
    table
      .string('guild_ref', 512)
      .nullable()
      .comment(
        'Group entity ref of the guild named by the squad-insights.io/guild annotation',
      );
    table.index(['chapter_ref'], 'si_compliance_summaries_chapter_idx');
    table.index(['guild_ref'], 'si_compliance_summaries_guild_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('si_compliance_summaries', table => {
    table.dropIndex(['chapter_ref'], 'si_compliance_summaries_chapter_idx');
    table.dropIndex(['guild_ref'], 'si_compliance_summaries_guild_idx');
    table.dropColumn('chapter_ref');
    table.dropColumn('guild_ref');
  });
};
