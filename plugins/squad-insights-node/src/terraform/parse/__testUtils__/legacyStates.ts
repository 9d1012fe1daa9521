// Test helpers only (not exported from the package).

/** A format 1–3 state document. */
export function legacyState(version: number, modules: unknown[], extra = {}) {
  return {
    version,
    terraform_version: '0.11.14',
    serial: 3,
    lineage: 'l-1',
    modules,
    ...extra,
  };
}

/** A format-3 `aws_instance` entry with flatmap tags, a set, a list and a deposed object. */
export const web = (id: string, az: string) => ({
  type: 'aws_instance',
  provider: 'provider.aws',
  primary: {
    id,
    attributes: {
      id,
      availability_zone: az,
      'tags.%': '2',
      'tags.Name': 'web',
      'tags.kubernetes.io/cluster/prod': 'owned',
      'security_groups.#': '2',
      'security_groups.1234567': 'sg-a',
      'security_groups.7654321': 'sg-b',
      'root_block_device.#': '1',
      'root_block_device.0.volume_size': '8',
      'ebs_block_device.#': '0',
      'timeouts.create': '10m',
    },
    meta: { schema_version: '1' },
    tainted: false,
  },
  deposed: [{ id: 'i-old', attributes: { id: 'i-old' } }],
});
