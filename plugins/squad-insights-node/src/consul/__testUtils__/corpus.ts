import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { corpusDir } from '../../__testUtils__/corpusLocation';

// Tests using these must run inside describeCorpus/itCorpus (src/__testUtils__/corpus.ts): the
// shared corpus may be missing.

/** Folder of the recorded Consul responses. @internal */
export const consulCorpusDir = resolve(corpusDir(), 'consul');

/** Parses one recorded response of the corpus (path relative to corpus/consul). @internal */
export function corpus<T = any>(file: string): T {
  return JSON.parse(readFileSync(resolve(consulCorpusDir, file), 'utf8'));
}

/** Recorded files by endpoint, as listed in INDEX.csv. @internal */
export const recorded = {
  catalogServices:
    'hashicorp__consul/website__content__api-docs__catalog.mdx__GET_v1_catalog_services.json',
  healthService:
    'hashicorp__consul/website__content__api-docs__health.mdx__GET_v1_health_service_my-service.json',
  healthServiceUi:
    'hashicorp__consul/ui__packages__consul-ui__mock-api__v1__health__service__backend.json',
  healthChecks:
    'hashicorp__consul/website__content__api-docs__health.mdx__GET_v1_health_checks_my-service.json',
  catalogConnect:
    'hashicorp__consul/ui__packages__consul-ui__mock-api__v1__catalog__connect__backend.json',
  agentServices:
    'hashicorp__consul/website__content__api-docs__agent__service.mdx__GET_v1_agent_services.json',
  agentServicesLegacy: 'hashicorp__consul-api-double/v1__agent__services.json',
  intentionsMatch:
    'hashicorp__consul-api-double/v1__connect__intentions__match.json',
  intentionsMatchBySource:
    'hashicorp__consul/website__content__api-docs__connect__intentions.mdx__GET_v1_connect_intentions_match_by_source_web.json',
  intentionsCheck:
    'hashicorp__consul/website__content__api-docs__connect__intentions.mdx__GET_v1_connect_intentions_check.json',
  blockingSequence: 'silas__node-consul/test__watch.js__blocking_sequence.json',
};
