import { Entity } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import yaml from 'yaml';
import { createResolveOwnershipAction } from './resolveOwnership';
import { examples } from './resolveOwnership.examples';

type Input = Parameters<
  ReturnType<typeof createResolveOwnershipAction>['handler']
>[0]['input'];

function group(
  name: string,
  type: string,
  options: {
    displayName?: string;
    parent?: string;
    annotations?: Record<string, string>;
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name,
      namespace: 'default',
      ...(options.annotations && { annotations: options.annotations }),
    },
    spec: {
      type,
      profile: {
        displayName: options.displayName ?? name,
        email: `${name}@acme-music.example`,
      },
      ...(options.parent && { parent: options.parent }),
      children: [],
    },
  };
}

/** The shape of the demo organisation (demo/catalog/org.yaml), and the odd groups it lacks. */
const groups: Entity[] = [
  group('acme-music', 'organization', { displayName: 'Acme Music AB' }),
  group('commerce-tribe', 'tribe', {
    displayName: 'Commerce',
    parent: 'acme-music',
  }),
  group('music-experience-tribe', 'tribe', {
    displayName: 'Music Experience',
    parent: 'acme-music',
  }),
  group('content-tribe', 'tribe', {
    displayName: 'Content & Rights',
    parent: 'acme-music',
  }),
  group('payments-squad', 'squad', {
    displayName: 'Payments Squad',
    parent: 'commerce-tribe',
    annotations: {
      'squad-insights.io/technical-contact': 'user:default/maja.eriksson',
      'squad-insights.io/on-call':
        'user:default/johan.karlsson, payments-oncall@acme-music.example',
    },
  }),
  group('discovery-squad', 'squad', {
    displayName: 'Discovery Squad',
    parent: 'music-experience-tribe',
  }),
  group('backend-engineering-chapter', 'chapter', {
    displayName: 'Backend Engineering',
    parent: 'acme-music',
  }),
  group('sre-chapter', 'chapter', {
    displayName: 'Site Reliability Engineering',
    parent: 'acme-music',
  }),
  group('security-engineering-guild', 'guild', {
    displayName: 'Security Engineering',
    parent: 'acme-music',
  }),
  group('compliance-office', 'team', {
    displayName: 'Compliance Office',
    parent: 'acme-music',
  }),
  group('checkout-squad', 'squad', {
    displayName: 'Checkout Squad',
    parent: 'commerce-tribe',
    annotations: {
      'github.com/team-slug': 'acme-music/checkout',
      'squad-insights.io/iac-repository':
        'acme-music/commerce-infra:services/main.tf',
      'squad-insights.io/technical-contact': 'maja.eriksson',
      'squad-insights.io/business-contact':
        'commerce-finance@acme-music.example',
      'squad-insights.io/on-call': 'group:default/payments-on-call',
    },
  }),
  group('lyrics-squad', 'squad', {
    parent: 'content-tribe',
    annotations: {
      'squad-insights.io/iac-repository': 'acme-music/content-infra:main.tf',
      'squad-insights.io/iac-state-source': 'content-states',
      'squad-insights.io/iac-state-key': 'squads/lyrics/prod.tfstate',
    },
  }),
  group('orphan-squad', 'squad'),
  group('skunkworks-squad', 'squad', { parent: 'acme-music' }),
  group('broken-squad', 'squad', {
    parent: 'commerce-tribe',
    annotations: {
      'squad-insights.io/iac-repository': 'commerce-infra/main.tf',
    },
  }),
  group('mislabelled-squad', 'squad', {
    parent: 'commerce-tribe',
    annotations: { 'squad-insights.io/on-call': 'component:default/pager' },
  }),
];

function setup(input: Input) {
  const catalog = catalogServiceMock({ entities: groups });
  const action = createResolveOwnershipAction({ catalog });
  const ctx = createMockActionContext({ input });
  const outputs = () =>
    Object.fromEntries(
      (ctx.output as jest.Mock).mock.calls.map(([name, value]) => [
        name,
        value,
      ]),
    );
  return { catalog, action, ctx, outputs };
}

async function run(input: Input) {
  const { action, ctx, outputs } = setup(input);
  await action.handler(ctx);
  return outputs();
}

describe('squad:ownership:resolve', () => {
  // Each example is parsed back from its YAML and run, so the docs cannot drift.
  const expected = [
    {
      squad: {
        ref: 'group:default/payments-squad',
        name: 'payments-squad',
        title: 'Payments Squad',
        githubTeam: 'payments-squad',
      },
      tribe: {
        ref: 'group:default/commerce-tribe',
        name: 'commerce-tribe',
        title: 'Commerce',
        githubTeam: 'commerce-tribe',
      },
      chapter: {
        ref: 'group:default/backend-engineering-chapter',
        name: 'backend-engineering-chapter',
        title: 'Backend Engineering',
      },
      guild: {
        ref: 'group:default/security-engineering-guild',
        name: 'security-engineering-guild',
        title: 'Security Engineering',
      },
      organization: 'Acme Music AB',
      contacts: {
        technical: 'user:default/maja.eriksson',
        business: 'payments-squad@acme-music.example',
        onCall:
          'user:default/johan.karlsson, payments-oncall@acme-music.example',
      },
    },
    {
      squad: {
        ref: 'group:default/discovery-squad',
        name: 'discovery-squad',
        title: 'Discovery Squad',
        githubTeam: 'discovery-squad',
      },
      tribe: {
        ref: 'group:default/music-experience-tribe',
        name: 'music-experience-tribe',
        title: 'Music Experience',
        githubTeam: 'music-experience-tribe',
      },
      organization: 'Acme Music AB',
      contacts: {
        technical: 'discovery-squad@acme-music.example',
        business: 'discovery-squad@acme-music.example',
        onCall: 'discovery-squad@acme-music.example',
      },
    },
  ];
  it.each(
    examples.map((e, i) => [e.description, e.example, expected[i]] as const),
  )('runs the example: %s', async (_description, example, want) => {
    const step = yaml.parse(example).steps[0];
    expect(step.action).toBe('squad:ownership:resolve');
    // Exactly these outputs: no chapter, guild or IaC repository unless there is one.
    expect(await run(step.input)).toEqual(want);
  });

  it('has an expectation for every example', () => {
    expect(expected).toHaveLength(examples.length);
  });

  it('resolves every squad of the demo organisation to the tribe it names', async () => {
    const demo = yaml
      .parseAllDocuments(
        readFileSync(
          resolve(__dirname, '../../../../../demo/catalog/org.yaml'),
          'utf8',
        ),
      )
      .map(d => d.toJS() as Entity)
      .filter(e => e?.kind === 'Group');
    const squads = demo.filter(g => g.spec?.type === 'squad');
    expect(squads.length).toBeGreaterThan(0);
    const action = createResolveOwnershipAction({
      catalog: catalogServiceMock({ entities: demo }),
    });
    for (const squad of squads) {
      const ctx = createMockActionContext({
        input: { squad: `group:default/${squad.metadata.name}` },
      });
      await action.handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith(
        'tribe',
        expect.objectContaining({ ref: `group:default/${squad.spec?.parent}` }),
      );
    }
  });

  it('reads the catalog as the user who runs the template', async () => {
    const { catalog, action, ctx } = setup({
      squad: 'group:default/payments-squad',
    });
    const getEntityByRef = jest.spyOn(catalog, 'getEntityByRef');
    await action.handler(ctx);
    const credentials = await ctx.getInitiatorCredentials();
    // The squad, its tribe and (with no organization.name configured) the organisation.
    expect(getEntityByRef).toHaveBeenCalledTimes(3);
    for (const call of getEntityByRef.mock.calls)
      expect(call[1]).toEqual({ credentials });
  });

  it('reads GitHub team slugs, contacts and the IaC repository from the squad', async () => {
    const out = await run({ squad: 'group:default/checkout-squad' });
    expect(out.squad).toEqual({
      ref: 'group:default/checkout-squad',
      name: 'checkout-squad',
      title: 'Checkout Squad',
      githubTeam: 'checkout',
    });
    expect(out.contacts).toEqual({
      technical: 'user:default/maja.eriksson',
      business: 'commerce-finance@acme-music.example',
      onCall: 'group:default/payments-on-call',
    });
    expect(out.iacRepository).toEqual({
      owner: 'acme-music',
      repo: 'commerce-infra',
      path: 'services/main.tf',
      stateReference: 'demo:commerce-infra/services/terraform.tfstate',
      module: 'module.squad_microservice',
    });
  });

  it("selects the new service's instance of the squad's services-map module", async () => {
    const out = await run({
      squad: 'group:default/checkout-squad',
      service: 'fraud-scoring',
    });
    expect(out.iacRepository).toMatchObject({
      stateReference:
        'demo:commerce-infra/services/terraform.tfstate#module.squad_microservice["fraud-scoring"]',
      module: 'module.squad_microservice',
    });
  });

  it('takes the state source and key of the IaC repository from the squad when it names them', async () => {
    const out = await run({ squad: 'lyrics-squad' });
    expect(out.iacRepository).toEqual({
      owner: 'acme-music',
      repo: 'content-infra',
      path: 'main.tf',
      stateReference: 'content-states:squads/lyrics/prod.tfstate',
      module: 'module.squad_microservice',
    });
  });

  it('leaves out chapter and guild the form left empty', async () => {
    const out = await run({ squad: 'payments-squad', chapter: '', guild: ' ' });
    expect(Object.keys(out).sort()).toEqual([
      'contacts',
      'organization',
      'squad',
      'tribe',
    ]);
  });

  it.each([
    [
      'a team',
      { squad: 'group:default/compliance-office' },
      'squad must be a group of spec.type squad, but group:default/compliance-office is of spec.type team',
    ],
    [
      'a tribe',
      { squad: 'commerce-tribe' },
      'squad must be a group of spec.type squad, but group:default/commerce-tribe is of spec.type tribe',
    ],
    [
      'a user',
      { squad: 'user:default/maja.eriksson' },
      'squad must be a squad (a Group), but user:default/maja.eriksson is a user',
    ],
    [
      'a squad without a tribe',
      { squad: 'orphan-squad' },
      "The squad group:default/orphan-squad belongs to no tribe: set its spec.parent to its tribe's group in the catalog",
    ],
    [
      'a squad right under the organisation',
      { squad: 'skunkworks-squad' },
      'The parent of the squad group:default/skunkworks-squad must be a group of spec.type tribe, but group:default/acme-music is of spec.type organization',
    ],
    [
      'a guild given as chapter',
      {
        squad: 'payments-squad',
        chapter: 'group:default/security-engineering-guild',
      },
      'chapter must be a group of spec.type chapter, but group:default/security-engineering-guild is of spec.type guild',
    ],
    [
      'a chapter given as guild',
      { squad: 'payments-squad', guild: 'sre-chapter' },
      'guild must be a group of spec.type guild, but group:default/sre-chapter is of spec.type chapter',
    ],
    [
      'an IaC repository without owner',
      { squad: 'broken-squad' },
      'Annotation squad-insights.io/iac-repository of group:default/broken-squad is "commerce-infra/main.tf"; expected <owner>/<repo>:<path to the .tf file with the services map>',
    ],
    [
      'a component as on-call',
      { squad: 'mislabelled-squad' },
      'Annotation squad-insights.io/on-call of group:default/mislabelled-squad has "component:default/pager"; expected user or group refs',
    ],
  ])('fails clearly for %s', async (_case, input, message) => {
    const attempt = run(input);
    await expect(attempt).rejects.toThrow(InputError);
    await expect(attempt).rejects.toThrow(message);
  });

  it("names the organisation as app-config's organization.name does, before the catalog", async () => {
    const catalog = catalogServiceMock({ entities: groups });
    const getEntityByRef = jest.spyOn(catalog, 'getEntityByRef');
    const action = createResolveOwnershipAction({
      catalog,
      organizationName: 'Acme Music Sverige AB',
    });
    const ctx = createMockActionContext({
      input: { squad: 'payments-squad' },
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith(
      'organization',
      'Acme Music Sverige AB',
    );
    expect(getEntityByRef).toHaveBeenCalledTimes(2);
  });

  it('fails clearly when neither app-config nor the catalog names the organisation', async () => {
    const catalog = catalogServiceMock({
      entities: [
        group('loose-tribe', 'tribe'),
        group('loose-squad', 'squad', { parent: 'loose-tribe' }),
        group('guilds-tribe', 'tribe', {
          parent: 'security-engineering-guild',
        }),
        group('guilded-squad', 'squad', { parent: 'guilds-tribe' }),
        group('security-engineering-guild', 'guild'),
      ],
    });
    const action = createResolveOwnershipAction({ catalog });
    const attempt = (squad: string) =>
      action.handler(createMockActionContext({ input: { squad } }));
    await expect(attempt('loose-squad')).rejects.toThrow(
      "No organisation name for the Organization tag: the tribe group:default/loose-tribe has no spec.parent; set organization.name in app-config.yaml, or make the tribe's spec.parent a group of spec.type organization",
    );
    await expect(attempt('guilded-squad')).rejects.toThrow(
      'the parent security-engineering-guild of the tribe group:default/guilds-tribe is of spec.type guild',
    );
  });

  it('fails clearly for a squad the catalog does not have', async () => {
    const attempt = run({ squad: 'group:default/pyments-squad' });
    await expect(attempt).rejects.toThrow(NotFoundError);
    await expect(attempt).rejects.toThrow(
      'squad: there is no group group:default/pyments-squad in the catalog',
    );
  });
});
