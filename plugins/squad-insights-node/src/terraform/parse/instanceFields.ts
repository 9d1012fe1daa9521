/**
 * The top-level attributes an instance's tags and region are read from (`tags.ts`,
 * `region.ts`). The scrubber notes them as it passes each top-level key, already scrubbed,
 * so that neither reader has to look them up again in an object of a different shape for
 * every resource type.
 *
 * @internal
 */
export interface InstanceFields {
  region: unknown;
  zone: unknown;
  arn: unknown;
  availability_zone: unknown;
  availability_zones: unknown;
  location: unknown;
  bucket_regional_domain_name: unknown;
  effective_labels: unknown;
  terraform_labels: unknown;
  labels: unknown;
  tag: unknown;
  tags: unknown;
  tags_all: unknown;
}

/** The names of {@link InstanceFields}, in the order of their numbers in `fieldNumber`. */
const FIELD_NAMES: ReadonlyArray<keyof InstanceFields> = [
  'region',
  'zone',
  'arn',
  'availability_zone',
  'availability_zones',
  'location',
  'bucket_regional_domain_name',
  'effective_labels',
  'terraform_labels',
  'labels',
  'tag',
  'tags',
  'tags_all',
];

/**
 * The number of a field name, or -1 for any other name.
 *
 * @internal
 */
export function fieldNumber(name: string): number {
  return FIELD_NAMES.indexOf(name as keyof InstanceFields);
}

/**
 * A record with every field unset; always built with the same shape, so reading it is cheap.
 *
 * @internal
 */
export function emptyFields(): InstanceFields {
  return {
    region: undefined,
    zone: undefined,
    arn: undefined,
    availability_zone: undefined,
    availability_zones: undefined,
    location: undefined,
    bucket_regional_domain_name: undefined,
    effective_labels: undefined,
    terraform_labels: undefined,
    labels: undefined,
    tag: undefined,
    tags: undefined,
    tags_all: undefined,
  };
}

/**
 * Unsets every field of `fields`, and returns it.
 *
 * @internal
 */
export function clearFields(fields: InstanceFields): InstanceFields {
  fields.region = undefined;
  fields.zone = undefined;
  fields.arn = undefined;
  fields.availability_zone = undefined;
  fields.availability_zones = undefined;
  fields.location = undefined;
  fields.bucket_regional_domain_name = undefined;
  fields.effective_labels = undefined;
  fields.terraform_labels = undefined;
  fields.labels = undefined;
  fields.tag = undefined;
  fields.tags = undefined;
  fields.tags_all = undefined;
  return fields;
}

/**
 * Sets field number `n` (from {@link fieldNumber}).
 *
 * @internal
 */
export function setField(fields: InstanceFields, n: number, value: unknown) {
  // A store by name per case, not `fields[FIELD_NAMES[n]]`: a keyed store with a different
  // name every time is a slow, megamorphic one.
  switch (n) {
    case 0:
      fields.region = value;
      break;
    case 1:
      fields.zone = value;
      break;
    case 2:
      fields.arn = value;
      break;
    case 3:
      fields.availability_zone = value;
      break;
    case 4:
      fields.availability_zones = value;
      break;
    case 5:
      fields.location = value;
      break;
    case 6:
      fields.bucket_regional_domain_name = value;
      break;
    case 7:
      fields.effective_labels = value;
      break;
    case 8:
      fields.terraform_labels = value;
      break;
    case 9:
      fields.labels = value;
      break;
    case 10:
      fields.tag = value;
      break;
    case 11:
      fields.tags = value;
      break;
    default:
      fields.tags_all = value;
  }
}

/**
 * The fields of an attributes object, read by name (when the scrubber did not note them).
 *
 * @internal
 */
export function fieldsOf(attrs: Record<string, unknown>): InstanceFields {
  const fields = emptyFields();
  for (let n = 0; n < FIELD_NAMES.length; n++) {
    const name = FIELD_NAMES[n];
    if (Object.prototype.hasOwnProperty.call(attrs, name)) {
      fields[name] = attrs[name];
    }
  }
  return fields;
}
