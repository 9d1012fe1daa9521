module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  testRules: {
    // Tests that read the shared corpus are declared with itCorpus (src/__testUtils__/corpus.ts),
    // which is `it` when the corpus is there and `it.skip` when it is not.
    'jest/no-standalone-expect': [
      'error',
      { additionalTestBlockFunctions: ['itCorpus', 'itCorpus.each'] },
    ],
  },
});
