// eu-north-1a → eu-north-1; also local/wavelength zones (us-west-2-lax-1a → us-west-2).
const AWS_ZONE = /^([a-z]{2}(?:-[a-z]+)+-\d+)(?:[a-z]$|-)/;
// europe-west1-b → europe-west1
const GCP_ZONE = /^([a-z]+-[a-z]+\d+)-[a-z]$/;
// hello.s3.us-west-2.amazonaws.com, hello.s3-eu-west-1.amazonaws.com
const S3_REGIONAL =
  /\.s3[.-]([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com(?:\.cn)?$/;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** GCP often stores self-links (`.../regions/us-central1`); the name is the last segment. */
function lastSegment(value: string): string {
  return value.slice(value.lastIndexOf('/') + 1);
}

/**
 * The region of `arn:aws<partition>:<service>:<region>:...`, when not empty. Read by searching
 * for the colons rather than with a regular expression: most instances have an ARN, and a
 * match would allocate its result array for each.
 */
function regionOfArn(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('arn:aws'))
    return undefined;
  const partitionEnd = value.indexOf(':', 7);
  if (partitionEnd < 0) return undefined;
  for (let i = 7; i < partitionEnd; i++) {
    const c = value.charCodeAt(i);
    if (c !== 0x2d && (c < 0x61 || c > 0x7a)) return undefined; // [a-z-]
  }
  const serviceEnd = value.indexOf(':', partitionEnd + 1);
  if (serviceEnd < 0) return undefined;
  const regionEnd = value.indexOf(':', serviceEnd + 1);
  return regionEnd > serviceEnd + 1
    ? value.slice(serviceEnd + 1, regionEnd)
    : undefined;
}

function regionOfArns(
  attrs: Record<string, unknown>,
  arn: unknown,
): string | undefined {
  const own = regionOfArn(arn);
  if (own) return own;
  // Other ARNs (`kms_key_arn`, `role_arn`, ...) name related resources, which almost always
  // live in the same region. S3 and IAM ARNs have an empty region and are skipped.
  // eslint-disable-next-line guard-for-in
  for (const key in attrs) {
    const region = key !== 'arn' ? regionOfArn(attrs[key]) : undefined;
    if (region) return region;
  }
  return undefined;
}

function regionOfZone(zone: unknown): string | undefined {
  const name = text(zone);
  if (!name) return undefined;
  const z = lastSegment(name);
  return GCP_ZONE.exec(z)?.[1] ?? AWS_ZONE.exec(z)?.[1];
}

function regionOfLocation(location: unknown): string | undefined {
  const name = text(location);
  if (!name) return undefined;
  const l = lastSegment(name);
  // GCP: a zone or a region (`us-central1(-a)`), multi-regions like `EU` as lower case.
  // Azure: `westeurope`, or the display form `West Europe`, which Azure accepts as the same.
  return GCP_ZONE.exec(l)?.[1] ?? l.toLowerCase().replace(/\s+/g, '');
}

/**
 * The attributes a region is read from by name: an instance's attributes, or the fields the
 * scrubber noted of them (`instanceFields.ts`).
 *
 * @internal
 */
export type RegionSources = Partial<
  Record<
    | 'region'
    | 'zone'
    | 'arn'
    | 'availability_zone'
    | 'availability_zones'
    | 'location'
    | 'bucket_regional_domain_name',
    unknown
  >
>;

/**
 * Works out an instance's region, most reliable source first:
 * 1. its own `region` attribute (GCP, and every AWS resource from provider v6);
 * 2. its own GCP `zone` (a GCP VM lives in its zone whatever the provider's default region);
 * 3. the region the caller configured for its provider configuration;
 * 4. its ARN, then any other ARN-valued attribute;
 * 5. the S3 `bucket_regional_domain_name` (S3 bucket ARNs carry no region);
 * 6. `availability_zone` or the first of `availability_zones`, zone letter stripped;
 * 7. `location` (GCP region/zone, Azure location).
 *
 * Named attributes are read from `fields` (by default the attributes themselves); the other
 * ARNs of step 4 from `attrs`.
 *
 * @internal
 */
export function deriveRegion(
  attrs: Record<string, unknown>,
  providerRegion: string | undefined,
  fields: RegionSources = attrs,
): string | undefined {
  const own = text(fields.region);
  if (own) return lastSegment(own);
  const zone = text(fields.zone);
  const gcpZone = zone && GCP_ZONE.exec(lastSegment(zone))?.[1];
  if (gcpZone) return gcpZone;
  if (providerRegion) return providerRegion;

  const fromArn = regionOfArns(attrs, fields.arn);
  if (fromArn) return fromArn;

  const domain = text(fields.bucket_regional_domain_name);
  const fromDomain = domain && S3_REGIONAL.exec(domain)?.[1];
  if (fromDomain) return fromDomain;

  const zones = fields.availability_zones;
  const firstZone = Array.isArray(zones) ? zones[0] : undefined;
  return (
    regionOfZone(fields.availability_zone) ??
    regionOfZone(firstZone) ??
    regionOfZone(fields.zone) ??
    regionOfLocation(fields.location)
  );
}
