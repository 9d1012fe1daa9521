/**
 * Usage measured outside Terraform (CloudWatch today), in the shape the carbon model
 * consumes. Every figure is keyed by the Terraform instance address it belongs to, so the
 * estimate can replace exactly the default or the gap it stood in for.
 */

/** An application load balancer's traffic, per day. @public */
export interface MeasuredLoadBalancer {
  /** `ProcessedBytes` in GB (1 GB = 10^9 bytes) per day. */
  processedGbPerDay: number;
  /** `RequestCount` per day. */
  requestsPerDay: number;
}

/** What was measured for one service. @public */
export interface MeasuredUsage {
  /** Average CPU utilisation in percent, by address (EC2, ECS service, RDS instance). */
  cpuUtilizationPct?: Record<string, number>;
  /**
   * Stored GB by address: S3 buckets (`BucketSizeBytes`, all storage classes), Aurora
   * volumes (`VolumeBytesUsed`), log groups (`storedBytes`).
   */
  storageGb?: Record<string, number>;
  /** Application load balancers by address. */
  loadBalancers?: Record<string, MeasuredLoadBalancer>;
  /** Data out of the service's compute in GB per day, where CloudWatch has it. */
  networkGbPerDay?: number;
  /** Where the figures came from, e.g. `CloudWatch (source prod)`. */
  source: string;
  /** ISO instant the figures were read. */
  measuredAt: string;
  /** True when the last read failed and these are the last good figures. */
  stale?: boolean;
  /** Why they are stale. */
  staleReason?: string;
}
