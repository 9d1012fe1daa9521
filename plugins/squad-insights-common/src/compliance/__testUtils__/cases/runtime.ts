import { consulView, demo, demoProfile } from '../service';
import type { Cases } from './types';

const PP = 'payment-processing';
const consul = (service: string, change: (v: any) => void = () => {}) => {
  const view = consulView(service);
  change(view);
  return { consul: { view, index: 1207 } };
};
const resources = [demo(PP, 'module.service.aws_cloudwatch_log_group.this')];

/** Runtime (Consul) checks; profile payment-processing unless the case says otherwise. */
export const RUNTIME_CASES: Cases = {
  'transit.consul-mesh': {
    pass: [
      { name: 'payments run a sidecar', input: consul(PP) },
      {
        name: 'user_behavioral is not personal/financial by this policy',
        input: {
          ...demoProfile('music-discovery'),
          ...consul('music-discovery'),
        },
        status: 'not-applicable',
      },
    ],
    fail: [
      {
        name: 'user-identity holds personal data without a sidecar',
        input: { ...demoProfile('user-identity'), ...consul('user-identity') },
      },
    ],
  },
  'runtime.consul-registered': {
    pass: [{ name: 'registered', input: consul(PP) }],
    fail: [
      {
        name: 'podcast-ingest is not registered',
        input: {
          ...demoProfile('podcast-ingest'),
          consul: { view: undefined, index: 1207 },
        },
      },
    ],
  },
  'runtime.consul-healthy': {
    pass: [
      { name: 'three passing instances', input: consul(PP) },
      {
        name: 'not registered: unknown',
        input: { consul: { view: undefined } },
        status: 'unknown',
      },
    ],
    fail: [
      {
        name: 'rights-ledger has a critical instance',
        input: consul('rights-ledger'),
      },
      {
        name: 'music-discovery has a warning',
        input: consul('music-discovery'),
      },
    ],
  },
  'runtime.consul-owner': {
    pass: [{ name: 'payments-squad', input: consul(PP) }],
    fail: [
      {
        name: 'recommendation-engine claims playlist-squad',
        input: {
          ...demoProfile('recommendation-engine'),
          ...consul('recommendation-engine'),
        },
      },
    ],
  },
  'runtime.consul-tribe': {
    pass: [{ name: 'commerce-tribe', input: consul(PP) }],
    fail: [
      {
        name: 'wrong tribe',
        input: consul(PP, v => (v.meta.tribe = 'content-tribe')),
      },
    ],
  },
  'runtime.consul-compliance-meta': {
    pass: [
      { name: 'declared requirements and classification', input: consul(PP) },
    ],
    fail: [
      {
        name: 'PCI_DSS missing',
        input: consul(
          PP,
          v => (v.meta.compliance = 'GDPR,Svenska_Betaltjänstlagen'),
        ),
      },
      {
        name: 'classification differs',
        input: consul(PP, v => (v.meta['data-classification'] = 'internal')),
      },
    ],
  },
  'runtime.consul-datacenter': {
    pass: [{ name: 'sto1', input: consul(PP) }],
    fail: [
      {
        name: 'a US datacenter',
        input: consul(PP, v => (v.datacenter = 'use1')),
      },
    ],
  },
  'runtime.consul-default-deny': {
    pass: [
      { name: 'default deny', input: consul(PP) },
      {
        name: 'intentions unreadable: unknown',
        input: consul(
          PP,
          v => (v.intentions = { sources: [], unavailable: '403' }),
        ),
        status: 'unknown',
      },
    ],
    fail: [
      {
        name: 'default allow',
        input: consul(PP, v => (v.intentions.defaultAllow = true)),
      },
    ],
  },
};

export const RUNTIME_RESOURCES = resources;
