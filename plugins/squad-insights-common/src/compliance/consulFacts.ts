import type { ConsulServiceFacts, Subject } from './facts';

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value))
      if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/**
 * The Consul registration as a subject. Its attributes are the facts a consul check may name
 * (see `CONSUL_FACTS`); `meta` holds the labels (the view's `raw` meta, else its string
 * entries, else the first instance's meta).
 *
 * @public
 */
export function consulSubject(
  view: ConsulServiceFacts,
  index?: number,
): Subject {
  const meta = view.meta as { raw?: unknown } | undefined;
  const labels = {
    ...stringMap(view.instances[0]?.meta),
    ...stringMap(meta),
    ...stringMap(meta?.raw),
  };
  const order = ['passing', 'warning', 'critical'];
  let worst = 0;
  for (const i of view.instances)
    worst = Math.max(worst, order.indexOf(i.health));
  return {
    source: 'consul',
    address: `consul:${view.datacenter ? `${view.datacenter}/` : ''}${
      view.name
    }`,
    type: 'consul',
    labels,
    labelPrefix: 'meta',
    taggable: true,
    consulIndex: index,
    attributes: {
      registered: true,
      name: view.name,
      datacenter: view.datacenter,
      health: view.instances.length ? order[worst] : undefined,
      instances: view.instances,
      tags: view.tags ?? [
        ...new Set(view.instances.flatMap(i => i.tags ?? [])),
      ],
      meta: labels,
      connect: view.connect ?? {},
      intentions: view.intentions ?? {},
    },
  };
}

/** The facts a `consul` check may name, with the element facts of `instances`. @public */
export const CONSUL_FACTS = {
  service: [
    'registered',
    'name',
    'datacenter',
    'health',
    'instances',
    'tags',
    'meta',
    'connect',
    'intentions',
  ],
  instance: ['health', 'tags', 'meta'],
} as const;
