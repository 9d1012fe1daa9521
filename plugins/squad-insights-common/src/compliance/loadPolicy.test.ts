import { DEFAULT_POLICY_YAML, defaultPolicy } from './defaultPolicy';
import { loadPolicy } from './loadPolicy';
import { PolicyLoadError } from './problems';

/** Replaces the first occurrence of `from` and returns the new text and the 1-based line of the change. */
function change(
  from: string,
  to: string,
  text = DEFAULT_POLICY_YAML,
): { text: string; line: number } {
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`"${from}" not in the policy`);
  return {
    text: text.slice(0, at) + to + text.slice(at + from.length),
    line: text.slice(0, at).split('\n').length,
  };
}

function problemsOf(
  text: string,
  fileName = 'team-policy.yaml',
  base?: ReturnType<typeof defaultPolicy>,
) {
  try {
    loadPolicy(text, { fileName, base });
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyLoadError);
    return e as PolicyLoadError;
  }
  throw new Error('expected the policy to be rejected');
}

const RULE =
  'rule: { attribute: region, in: { param: allowedRegions }, missing: skip }';

describe('loadPolicy', () => {
  it('rejects a bad severity, naming file, line and field', () => {
    const { text, line } = change('severity: critical', 'severity: urgent');
    const error = problemsOf(text);
    expect(error.problems).toEqual([
      expect.objectContaining({
        path: 'checks[0] (residency.eu-regions).severity',
        line,
        message: expect.stringContaining('"low"|"medium"|"high"|"critical"'),
      }),
    ]);
    expect(error.message).toContain(
      `team-policy.yaml:${line}:5: checks[0] (residency.eu-regions).severity:`,
    );
  });

  it('rejects an unknown field at its line', () => {
    const { text, line } = change(
      '    severity: critical',
      '    owner: someone\n    severity: critical',
    );
    expect(problemsOf(text).problems).toEqual([
      expect.objectContaining({
        path: 'checks[0] (residency.eu-regions).owner',
        line,
        column: 5,
        message: 'unknown field "owner"',
      }),
    ]);
  });

  it.each([
    [
      'an unknown fact',
      RULE.replace('attribute: region', 'fact: region'),
      'rule.fact',
      'unknown fact "fact, in, missing"',
    ],
    [
      'an unknown operator',
      RULE.replace('in:', 'within:'),
      'rule.within',
      'unknown operator "within"',
    ],
    [
      'an unknown parameter',
      RULE.replace('allowedRegions', 'allowedRegionz'),
      'rule.in.param',
      'unknown parameter "allowedRegionz"',
    ],
    [
      'an unknown parse step in a path',
      RULE.replace('attribute: region', "attribute: 'region|yaml'"),
      'rule.attribute',
      'unknown parser "|yaml" at position 6; parsers are |properties, |json',
    ],
    [
      'two operators',
      RULE.replace('missing: skip', 'equals: x'),
      'rule',
      'give exactly one operator',
    ],
  ])('rejects %s', (_what, rule, path, message) => {
    const { text, line } = change(RULE, rule);
    expect(problemsOf(text).problems).toEqual([
      expect.objectContaining({
        path: `checks[0] (residency.eu-regions).${path}`,
        line,
        message: expect.stringContaining(message),
      }),
    ]);
  });

  it('rejects a control no framework defines', () => {
    const { text, line } = change(
      'controls: [baseline/residency, GDPR/Art.44]',
      'controls: [baseline/residency, GDPR/Art.99]',
    );
    expect(problemsOf(text).problems).toEqual([
      expect.objectContaining({
        path: 'checks[0] (residency.eu-regions).controls[1]',
        line,
        message: 'unknown control "GDPR/Art.99"; no framework defines it',
      }),
    ]);
  });

  it('reports YAML syntax errors and duplicate keys with their line', () => {
    const broken = change('    severity: critical', '    severity: [critical');
    expect(problemsOf(broken.text).problems[0]).toMatchObject({
      line: expect.any(Number),
      message: expect.any(String),
    });
    const dup = change(
      '    severity: critical',
      '    severity: critical\n    severity: high',
    );
    expect(problemsOf(dup.text).problems[0]).toMatchObject({
      line: dup.line + 1,
      message: expect.stringMatching(/unique/i),
    });
  });
});

describe('loadPolicy with a base (override files)', () => {
  const base = defaultPolicy();
  const override = (body: string) => `kind: CompliancePolicyOverride\n${body}`;

  it('tunes, disables and adds checks without code', () => {
    const policy = loadPolicy(
      override(`parameters:
  tagNames: { team: squad }
  allowedRegions: [eu-north-1, eu-west-1]
checks:
  - { id: encryption.kms-rotation, severity: high }
  - { id: backup.elasticache-snapshots, enabled: false }
  - id: custom.rds-iam-auth
    title: Databases use IAM authentication
    rationale: No shared passwords.
    severity: low
    controls: [baseline/encryption]
    remediation: Set iam_database_authentication_enabled.
    appliesTo: [aws_db_instance]
    rule: { attribute: iam_database_authentication_enabled, equals: true }
`),
      { fileName: 'override.yaml', base },
    );
    expect(
      policy.checks.find(c => c.id === 'encryption.kms-rotation')!.severity,
    ).toBe('high');
    expect(
      policy.checks.find(c => c.id === 'backup.elasticache-snapshots')!.enabled,
    ).toBe(false);
    expect(policy.checks.at(-1)!.id).toBe('custom.rds-iam-auth');
    expect(policy.parameters.tagNames).toEqual({
      ...base.parameters.tagNames,
      team: 'squad',
    });
    expect(policy.parameters.allowedRegions).toEqual([
      'eu-north-1',
      'eu-west-1',
    ]);
    // The base is untouched.
    expect(
      base.checks.find(c => c.id === 'encryption.kms-rotation')!.severity,
    ).toBe('medium');
    expect(base.parameters.tagNames.team).toBe('Squad');
  });

  it('locates problems in the override file', () => {
    const text = override(`checks:
  - id: custom.consul-uptime
    title: Uptime
    rationale: Because.
    severity: low
    controls: [baseline/runtime]
    remediation: Restart less.
    appliesTo: [consul]
    rule: { attribute: uptime, atLeast: 3 }
  - { id: encryption.ebs, severity: extreme }
`);
    const error = problemsOf(text, 'override.yaml', base);
    expect(error.problems).toEqual([
      expect.objectContaining({
        path: 'checks[1] (encryption.ebs).severity',
        line: 11,
      }),
    ]);
    const fixed = text.replace('severity: extreme', 'severity: low');
    expect(problemsOf(fixed, 'override.yaml', base).problems).toEqual([
      expect.objectContaining({
        path: 'checks[0] (custom.consul-uptime).rule.attribute',
        line: 10,
        message: expect.stringContaining('unknown Consul fact "uptime"'),
      }),
    ]);
  });

  it('refuses a framework defined twice, and a check naming a framework nobody defines', () => {
    const twice = override(`frameworks:
  - id: FI_FFFS
    title: FFFS 2014:5
    appliesWhen: { requirements: [FI_FFFS] }
    controls: [{ id: '2014-5', title: Information security }]
  - id: FI_FFFS
    title: FFFS 2014:5 again
    appliesWhen: { requirements: [FI_FFFS] }
    controls: [{ id: '2014-5', title: Information security }]
`);
    expect(problemsOf(twice, 'fi.yaml', base).problems).toEqual([
      expect.objectContaining({
        path: 'frameworks[1].id',
        line: 7,
        message: 'framework "FI_FFFS" is defined twice in this file',
      }),
    ]);
    const unknown = override(`checks:
  - id: encryption.ebs
    when: { requirements: [FI_FFFS] }
`);
    expect(problemsOf(unknown, 'fi.yaml', base).problems).toEqual([
      expect.objectContaining({
        path: 'checks[0] (encryption.ebs).when.requirements[0]',
        message: expect.stringContaining(
          'unknown framework "FI_FFFS"; the policy defines GDPR, PCI_DSS',
        ),
      }),
    ]);
  });

  it('requires a new check to be complete, and DR regions to stay in the allowed regions', () => {
    const incomplete = problemsOf(
      override('checks:\n  - { id: custom.thing, severity: low }\n'),
      'o.yaml',
      base,
    );
    expect(incomplete.problems.map(p => p.path)).toEqual(
      expect.arrayContaining([
        'checks[0] (custom.thing).title',
        'checks[0] (custom.thing).rule',
      ]),
    );
    const dr = problemsOf(
      override('parameters:\n  drRegions: [eu-west-2]\n'),
      'o.yaml',
      base,
    );
    expect(dr.problems).toEqual([
      expect.objectContaining({
        path: 'parameters.drRegions[0]',
        line: 3,
        message: 'DR region "eu-west-2" is not in allowedRegions',
      }),
    ]);
  });
});
