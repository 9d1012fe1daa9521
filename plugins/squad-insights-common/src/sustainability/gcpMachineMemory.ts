/**
 * Memory of Compute Engine's predefined machine types, in GB as Google's machine-family
 * pages state them (general-purpose, compute-optimized, memory-optimized and accelerator-
 * optimized families, cloud.google.com/compute/docs/machine-resource). Google bills RAM in
 * byte-seconds of these sizes, so this is what CCF's GCP billing path counts as
 * "… Instance Ram" (BillingExportTable.getMemoryFootprintEstimate: GB-hours × 0.000392 ×
 * PUE, the whole RAM, no per-chip baseline). CCF's own tables carry no memory because the
 * bill does; a state-based estimate has only the type name, so it needs this table.
 */

/** GB per vCPU of the families whose memory scales with vCPUs. */
const GB_PER_VCPU: Record<string, number> = {
  'e2-standard': 4,
  'e2-highmem': 8,
  'e2-highcpu': 1,
  'n2-standard': 4,
  'n2-highmem': 8,
  'n2-highcpu': 1,
  'n2d-standard': 4,
  'n2d-highmem': 8,
  'n2d-highcpu': 1,
  't2d-standard': 4,
  'n1-standard': 3.75,
  'n1-highmem': 6.5,
  'n1-highcpu': 0.9,
  'c2-standard': 4,
};

/** Types whose memory is not a multiple of their vCPUs. */
const FIXED_GB: Record<string, number> = {
  'e2-micro': 1,
  'e2-small': 2,
  'e2-medium': 4,
  'f1-micro': 0.6,
  'g1-small': 1.7,
  'm1-ultramem-40': 961,
  'm1-ultramem-80': 1922,
  'm1-ultramem-160': 3844,
  'm1-megamem-96': 1433.6,
  'm2-ultramem-208': 5888,
  'm2-ultramem-416': 11776,
  'm2-megamem-416': 5888,
  'a2-highgpu-1g': 85,
  'a2-highgpu-2g': 170,
  'a2-highgpu-4g': 340,
  'a2-highgpu-8g': 680,
  'a2-megagpu-16g': 1360,
};

/**
 * Memory in GB of a predefined machine type with `vcpu` vCPUs, or undefined for a type
 * this table does not know (the estimate then says so instead of counting zero).
 *
 * @public
 */
export function gcpPredefinedMemoryGb(
  type: string,
  vcpu: number,
): number | undefined {
  if (Object.prototype.hasOwnProperty.call(FIXED_GB, type)) {
    return FIXED_GB[type];
  }
  const family = type.split('-').slice(0, 2).join('-');
  return Object.prototype.hasOwnProperty.call(GB_PER_VCPU, family)
    ? GB_PER_VCPU[family] * vcpu
    : undefined;
}
