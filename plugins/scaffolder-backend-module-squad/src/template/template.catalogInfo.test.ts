import {
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
} from '@backstage/catalog-model';
import { readServiceProfile } from '@squad-insights/backstage-plugin-squad-insights-common';
import { parse } from '@cdktn/hcl2json';
import { parse as parseYaml } from 'yaml';
import { demoOrganisation } from './__testUtils__/demoCatalog';
import { repositoryFiles, startDryRunBackend } from './__testUtils__/dryRun';
import { defaultValues } from './__testUtils__/values';

// Each suite starts the real scaffolder backend; dry-runs take seconds on a busy machine.
jest.setTimeout(60_000);

// The policies the catalog applies when it reads a catalog-info.yaml.
const catalogPolicy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

describe('squad-microservice template, the generated catalog entry', () => {
  const backend = startDryRunBackend(demoOrganisation());
  afterAll(async () => (await backend).stop());

  async function render(values: Record<string, unknown>) {
    const files = repositoryFiles(
      await (await backend).dryRun(values),
      'service',
    );
    return {
      entity: parseYaml(files.get('catalog-info.yaml')!) as Entity,
      consul: (
        await parse('consul/service.hcl', files.get('consul/service.hcl')!)
      ).service[0],
    };
  }

  it('is a valid Component owned by the squad, linked to its infra repository', async () => {
    const { entity } = await render(defaultValues);

    expect(await catalogPolicy.enforce(entity)).toBeDefined();
    expect(await componentEntityV1alpha1Validator.check(entity)).toBe(true);
    expect(entity.spec).toEqual({
      type: 'service',
      lifecycle: 'experimental',
      owner: 'group:default/rights-squad',
    });
    expect(entity.metadata.annotations?.['github.com/project-slug']).toBe(
      'acme-music/royalty-statements',
    );
    expect(entity.metadata.links).toEqual([
      {
        url: 'https://github.com/acme-music/royalty-statements-infra',
        title: 'Infrastructure (Terraform)',
        icon: 'github',
      },
    ]);
  });

  it('declares every Squad Insights annotation, and the portal reads them without problems', async () => {
    const { entity } = await render(defaultValues);

    expect(readServiceProfile(entity)).toEqual({
      profile: {
        businessCapability: 'Royalty reporting',
        dataClassification: 'financial',
        complianceRequirements: ['GDPR', 'Music_Rights'],
        chapter: 'group:default/backend-engineering-chapter',
        guild: 'group:default/data-engineering-guild',
        terraformStates: [
          'terraform-states:royalty-statements-infra/terraform.tfstate',
        ],
        consulService: 'royalty-statements',
        recordRetentionYears: 7,
      },
      problems: [],
    });
    expect(entity.metadata.annotations?.['squad-insights.io/criticality']).toBe(
      'high',
    );
  });

  it('leaves out chapter and guild when none is chosen, and accepts no requirements', async () => {
    const { chapter, guild, ...values } = defaultValues;
    const { entity, consul } = await render({
      ...values,
      dataClassification: 'public',
      complianceRequirements: [],
    });

    expect(await catalogPolicy.enforce(entity)).toBeDefined();
    const { profile, problems } = readServiceProfile(entity);
    expect(problems).toEqual([]);
    expect(profile).toMatchObject({
      dataClassification: 'public',
      complianceRequirements: [],
      recordRetentionYears: 3,
    });
    expect(profile.chapter).toBeUndefined();
    expect(profile.guild).toBeUndefined();
    // Public data: no requirement tags, and no mesh required.
    expect(consul.tags).toEqual([
      'team:rights-squad',
      'tribe:content-tribe',
      'data-classification:public',
    ]);
    expect(consul.meta.compliance).toBe('none');
    expect(consul.connect).toBeUndefined();
  });

  it('registers in Consul with the same owner, tribe, classification and requirements', async () => {
    const { entity, consul } = await render(defaultValues);

    expect(consul.name).toBe(
      entity.metadata.annotations?.['squad-insights.io/consul-service'],
    );
    expect(consul.meta).toEqual({
      team: 'rights-squad',
      tribe: 'content-tribe',
      service: 'royalty-statements',
      'data-classification': 'financial',
      compliance: 'GDPR:Music_Rights',
      version: '0.1.0',
      environment: 'production',
    });
    expect(consul.tags).toEqual([
      'team:rights-squad',
      'tribe:content-tribe',
      'data-classification:financial',
      'compliance:GDPR',
      'compliance:Music_Rights',
    ]);
    // Financial data must run in the mesh (policy check transit.consul-mesh).
    expect(consul.connect).toEqual([{ sidecar_service: [{}] }]);
  });
});
