import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { createDeriveComplianceAction } from './deriveCompliance';
import { examples } from './deriveCompliance.examples';

describe('squad:compliance:derive', () => {
  const action = createDeriveComplianceAction();

  // Each example is parsed back from its YAML and run, so the docs cannot drift.
  const expectedYears = [7, 3];
  it.each(examples.map((e, i) => [e.description, e.example, expectedYears[i]] as const))(
    'runs the example: %s',
    async (_description, example, years) => {
      const input = yaml.parse(example).steps[0].input;
      const ctx = createMockActionContext({ input });
      await action.handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith('recordRetentionYears', years);
      expect(ctx.output).toHaveBeenCalledWith('recordRetentionDays', years === 7 ? 2557 : 1096);
    },
  );

  it('has an expectation for every example', () => {
    expect(expectedYears).toHaveLength(examples.length);
  });
});
