import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_POLICY_YAML, defaultPolicy } from './defaultPolicy';

const YAML_FILE = path.join(__dirname, 'default-policy.yaml');
const TS_FILE = path.join(__dirname, 'defaultPolicyYaml.ts');

/** A template literal keeps the YAML readable in the .ts file, and prettier leaves it alone. */
function generated(yaml: string): string {
  const literal = yaml
    .replace(/\\/g, '\\\\')
    .replace(/`/g, '\\`')
    .replace(/\$\{/g, '\\${');
  return `// Generated from default-policy.yaml by defaultPolicy.test.ts (UPDATE_DEFAULT_POLICY=1 regenerates it). Do not edit.

/**
 * The text of the default policy, \`default-policy.yaml\`.
 *
 * @public
 */
export const DEFAULT_POLICY_YAML: string = \`${literal}\`;
`;
}

describe('the default policy', () => {
  it('ships default-policy.yaml as the generated string constant', () => {
    const expected = generated(fs.readFileSync(YAML_FILE, 'utf8'));
    if (process.env.UPDATE_DEFAULT_POLICY) fs.writeFileSync(TS_FILE, expected);
    // Out of date? Run the tests with UPDATE_DEFAULT_POLICY=1.
    expect(fs.readFileSync(TS_FILE, 'utf8')).toBe(expected);
    expect(DEFAULT_POLICY_YAML).toBe(fs.readFileSync(YAML_FILE, 'utf8'));
  });

  it('loads, and is shared', () => {
    const policy = defaultPolicy();
    expect(policy.metadata.name).toBe('squad-insights-default');
    expect(policy.frameworks.map(f => f.id)).toEqual([
      'baseline',
      'GDPR',
      'PCI_DSS',
      'Svenska_Betaltjänstlagen',
      'Copyright_Law',
      'Music_Rights',
      'Finansinspektionen',
      'PSD2',
      'AML',
    ]);
    expect(defaultPolicy()).toBe(policy);
  });

  it('maps every check to a control and gives it a rationale and remediation', () => {
    for (const check of defaultPolicy().checks) {
      expect(check.controls.length).toBeGreaterThan(0);
      expect(check.rationale.length).toBeGreaterThan(10);
      expect(check.remediation.length).toBeGreaterThan(10);
    }
  });
});

describe('the shared default policy', () => {
  it('is frozen, so one caller cannot change it for the others', () => {
    expect(Object.isFrozen(defaultPolicy().checks[0].rule)).toBe(true);
    expect(() => {
      (defaultPolicy().parameters.allowedRegions as string[]).push('us-east-1');
    }).toThrow();
  });
});
