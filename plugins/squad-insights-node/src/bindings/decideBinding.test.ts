import { ConfigReader } from '@backstage/config';
import { parseStateReference } from '../terraform/stateReference';
import {
  BindingEntity,
  decideConsulBinding,
  decideStateBinding,
} from './decideBinding';
import { readBindingRules, StateBindingPolicy } from './StateBindingPolicy';

function service(
  name: string,
  spec: BindingEntity['spec'] = { owner: 'group:default/payments-squad' },
  namespace?: string,
): BindingEntity {
  return { kind: 'Component', metadata: { name, namespace }, spec };
}

const paymentProcessing = service('payment-processing', {
  owner: 'payments-squad',
  system: 'system:default/checkout',
});
const at = 'squadInsights.terraform.sources[0].bindings';
const templates = (...t: string[]) => readBindingRules({ templates: t }, at);

describe('decideStateBinding', () => {
  const ref = (r: string) => parseStateReference(r, { sourceIds: ['demo'] });

  const rows: Array<[readonly string[], BindingEntity, string, boolean]> = [
    // [template(s), entity, reference, allowed]
    [
      ['{name}/terraform.tfstate'],
      paymentProcessing,
      'demo:payment-processing/terraform.tfstate',
      true,
    ],
    [
      ['{name}/terraform.tfstate'],
      paymentProcessing,
      'demo:playlist-management/terraform.tfstate',
      false,
    ],
    [
      ['{name}/terraform.tfstate'],
      paymentProcessing,
      'demo:Payment-Processing/terraform.tfstate',
      true,
    ],
    [
      ['squads/{owner}/{name}/**'],
      paymentProcessing,
      'demo:squads/payments-squad/payment-processing/prod/eu.tfstate',
      true,
    ],
    [
      ['squads/{owner}/{name}/**'],
      paymentProcessing,
      'demo:squads/payments-squad/payment-processing',
      true,
    ],
    [
      ['squads/{owner}/{name}/**'],
      paymentProcessing,
      'demo:squads/discovery-squad/payment-processing/x.tfstate',
      false,
    ],
    [
      ['squads/{owner}/*'],
      paymentProcessing,
      'demo:squads/payments-squad/anything.tfstate',
      true,
    ],
    [
      ['squads/{owner}/*'],
      paymentProcessing,
      'demo:squads/payments-squad/a/b.tfstate',
      false,
    ],
    [
      ['{namespace}/{name}.tfstate'],
      paymentProcessing,
      'demo:default/payment-processing.tfstate',
      true,
    ],
    [
      ['{namespace}/{name}.tfstate'],
      service('payment-processing', {}, 'evil'),
      'demo:default/payment-processing.tfstate',
      false,
    ],
    [
      ['{kind}/{system}/{name}-*.tfstate'],
      paymentProcessing,
      'demo:component/checkout/payment-processing-prod.tfstate',
      true,
    ],
    // No system: a template naming {system} matches nothing, rather than an empty segment.
    [
      ['{system}/{name}.tfstate'],
      service('payment-processing'),
      'demo:payment-processing.tfstate',
      false,
    ],
    // A fragment only narrows what is read: the key decides.
    [
      ['{owner}.tfstate'],
      paymentProcessing,
      'demo:payments-squad.tfstate#module.squad_microservice["payment-processing"]',
      true,
    ],
    [
      ['{owner}.tfstate'],
      paymentProcessing,
      'demo:playlist-squad.tfstate#module.squad_microservice["payment-processing"]',
      false,
    ],
    // A user owner gives no {owner}: a user named like a squad cannot take the squad's keys.
    [
      ['squads/{owner}/**'],
      service('x', { owner: 'user:default/payments-squad' }),
      'demo:squads/payments-squad/x.tfstate',
      false,
    ],
    // Placeholder values are literals: glob characters or dots in names match only themselves.
    [['{name}.tfstate'], service('a*b'), 'demo:aXXb.tfstate', false],
    [['{name}.tfstate'], service('a.b'), 'demo:a.b.tfstate', true],
    [['{name}.tfstate'], service('a.b'), 'demo:aXb.tfstate', false],
    [
      ['{name}/terraform.tfstate'],
      service('x/y'),
      'demo:x/y/terraform.tfstate',
      false,
    ],
    [
      ['{name}@{namespace}'],
      service('svc+1', {}, 'team_a'),
      'demo:svc+1@team_a',
      true,
    ],
    // Default deny: no template at all.
    [[], paymentProcessing, 'demo:payment-processing/terraform.tfstate', false],
  ];
  it.each(
    rows.map(
      ([t, e, reference, allowed]) =>
        [
          `${e.metadata.namespace ?? 'default'}/${
            e.metadata.name
          } (owner ${String(e.spec?.owner)}) ${
            allowed ? 'may' : 'may not'
          } bind ${reference} under ${JSON.stringify(t)}`,
          t,
          e,
          reference,
          allowed,
        ] as const,
    ),
  )('%s', (_title, t, entity, reference, allowed) => {
    const decision = decideStateBinding(
      entity,
      ref(reference),
      templates(...t),
    );
    expect(decision.allowed).toBe(allowed);
  });

  it('refuses with why and how the operator allows it', () => {
    const decision = decideStateBinding(
      paymentProcessing,
      ref('demo:playlist-management/terraform.tfstate'),
      templates('{name}/terraform.tfstate'),
    );
    expect(decision).toEqual({
      allowed: false,
      reason:
        'Key "playlist-management/terraform.tfstate" of Terraform state source "demo" may not be bound by component:default/payment-processing: it matches none of the templates {name}/terraform.tfstate',
      howToAllow: `If component:default/payment-processing should read it, the operator adds it to ${at}.entities["component:default/payment-processing"] or widens ${at}.templates.`,
    });
  });

  it('says which placeholder the entity lacks', () => {
    const decision = decideStateBinding(
      service('x'),
      ref('demo:x.tfstate'),
      templates('{system}/{name}.tfstate'),
    );
    expect(decision.allowed || decision.reason).toContain(
      'the entity has no {system}',
    );
  });

  it('allows what the explicit map lists, for that entity only', () => {
    const rules = readBindingRules(
      {
        entities: {
          'Component:default/payment-processing': [
            'legacy/pay.tfstate',
            'shared/**',
          ],
        },
      },
      at,
    );
    expect(
      decideStateBinding(
        paymentProcessing,
        ref('demo:legacy/pay.tfstate'),
        rules,
      ),
    ).toEqual({
      allowed: true,
      rule: 'entities["component:default/payment-processing"] legacy/pay.tfstate',
    });
    expect(
      decideStateBinding(paymentProcessing, ref('demo:shared/a/b'), rules)
        .allowed,
    ).toBe(true);
    expect(
      decideStateBinding(
        service('other'),
        ref('demo:legacy/pay.tfstate'),
        rules,
      ).allowed,
    ).toBe(false);
  });

  it("allows every key under 'any'", () => {
    const decision = decideStateBinding(
      service('x'),
      ref('demo:a/b/c'),
      readBindingRules('any', at),
    );
    expect(decision).toEqual({ allowed: true, rule: 'any' });
  });

  it('refuses everything when the source declares no bindings, saying how to add them', () => {
    const decision = decideStateBinding(
      paymentProcessing,
      ref('demo:x'),
      readBindingRules(undefined, at),
    );
    expect(decision).toMatchObject({ allowed: false });
    expect(decision.allowed || decision.howToAllow).toContain(at);
  });

  it.each([
    [
      { templates: ['{team}/x'] },
      /unknown placeholder \{team\}.*\[0\]|\[0\].*unknown placeholder \{team\}/,
    ],
    [{ templates: ['a/{name'] }, /unmatched brace/],
    [{ templates: ['a/b**'] }, /"\*\*" must be a whole path segment/],
    [{ templates: ['a//b'] }, /empty path segment/],
    [{ templates: 'x' }, /must be a list/],
    [{ template: ['x'] }, /unknown keys template/],
    [{ entities: { 'payment-processing': ['x'] } }, /full entity ref/],
    ['all', /must be 'any' or an object/],
  ])('refuses the config %j at startup', (raw, message) => {
    expect(() => readBindingRules(raw, at)).toThrow(message);
  });
});

describe('decideConsulBinding', () => {
  const rules = readBindingRules(
    { templates: ['{name}'] },
    'squadInsights.consul.bindings',
  );
  const owner = {
    ref: 'group:default/payments-squad',
    names: ['Payments Squad'],
  };
  const decide = (
    serviceName: string,
    metaOwner: string | undefined,
    registered = true,
  ) =>
    decideConsulBinding(paymentProcessing, serviceName, rules, {
      requireMatchingOwner: true,
      owner,
      consul: { registered, metaKey: 'team', metaOwner },
    });

  it.each([
    ['payment-processing', 'Payments Squad', true],
    ['payment-processing', 'payments-squad', true],
    ['payment-processing', 'playlist-squad', false],
    ['payment-processing', undefined, false],
    ['music-discovery', 'payments-squad', false],
  ])('%s with meta team %s: %s', (name, metaOwner, allowed) => {
    expect(decide(name, metaOwner).allowed).toBe(allowed);
  });

  it('names both owners and the way to allow it', () => {
    const decision = decide('payment-processing', 'playlist-squad');
    expect(decision).toEqual({
      allowed: false,
      reason:
        'Consul service "payment-processing" may not be bound by component:default/payment-processing: Consul says it belongs to "playlist-squad" (Service.Meta "team"), the catalog says group:default/payments-squad',
      howToAllow:
        'Set Service.Meta "team" of "payment-processing" in Consul to the catalog owner, or (the operator) set squadInsights.consul.requireMatchingOwner: false.',
    });
  });

  it('accepts a service that is not registered (nothing to read) by its name alone', () => {
    expect(decide('payment-processing', undefined, false).allowed).toBe(true);
  });

  it('accepts any owner when requireMatchingOwner is off', () => {
    const decision = decideConsulBinding(
      paymentProcessing,
      'payment-processing',
      rules,
      {
        requireMatchingOwner: false,
        owner,
        consul: {
          registered: true,
          metaKey: 'team',
          metaOwner: 'playlist-squad',
        },
      },
    );
    expect(decision.allowed).toBe(true);
  });
});

describe('StateBindingPolicy.fromConfig', () => {
  it('reads per-source and Consul rules with the team meta key of the policy', () => {
    const policy = StateBindingPolicy.fromConfig(
      new ConfigReader({
        squadInsights: {
          consul: {
            address: 'http://consul:8500',
            bindings: { templates: ['{name}'] },
          },
          terraform: {
            sources: [
              {
                id: 'demo',
                type: 'local',
                root: '.',
                bindings: { templates: ['{name}/terraform.tfstate'] },
              },
              { id: 'shared', type: 'local', root: '.', bindings: 'any' },
              { id: 'none', type: 'local', root: '.' },
            ],
          },
        },
      }),
      { teamMetaKey: 'owner-team' },
    );
    const ref = (r: string) =>
      parseStateReference(r, { sourceIds: ['demo', 'shared', 'none'] });
    expect(
      policy.decideState(
        paymentProcessing,
        ref('demo:payment-processing/terraform.tfstate'),
      ).allowed,
    ).toBe(true);
    expect(
      policy.decideState(paymentProcessing, ref('demo:other/terraform.tfstate'))
        .allowed,
    ).toBe(false);
    expect(
      policy.decideState(paymentProcessing, ref('shared:anything')).allowed,
    ).toBe(true);
    expect(
      policy.decideState(paymentProcessing, ref('none:payment-processing'))
        .allowed,
    ).toBe(false);
    const consul = (meta: Record<string, string>) =>
      policy.decideConsul(paymentProcessing, 'payment-processing', {
        owner: { ref: 'group:default/payments-squad' },
        meta,
        registered: true,
      }).allowed;
    expect(consul({ 'owner-team': 'payments-squad' })).toBe(true);
    expect(consul({ team: 'payments-squad' })).toBe(false);
  });

  it('names the config path of a bad template', () => {
    const config = new ConfigReader({
      squadInsights: {
        terraform: {
          sources: [
            {
              id: 'demo',
              type: 'local',
              root: '.',
              bindings: { templates: ['{squad}'] },
            },
          ],
        },
      },
    });
    expect(() => StateBindingPolicy.fromConfig(config)).toThrow(
      'Invalid binding template at squadInsights.terraform.sources[0].bindings.templates[0]: template "{squad}" names unknown placeholder {squad}',
    );
  });
});
