/**
 * How the operator's binding rules judged one annotation value of an entity: a Terraform state
 * reference (`squad-insights.io/terraform-state`) or a Consul service name
 * (`squad-insights.io/consul-service`, or the entity name when that annotation is absent).
 * A refused binding is never read; it is shown on the service page with its reason.
 *
 * @public
 */
export interface FactBinding {
  /** The annotation the value came from. */
  annotation: string;
  /** The value as written: `<source-id>:<key>[#module]`, or the Consul service name. */
  value: string;
  allowed: boolean;
  /** Allowed: the rule that allowed it, e.g. `template {name}/terraform.tfstate`. */
  rule?: string;
  /** Refused: why, naming the source or Consul and the entity. */
  reason?: string;
  /** Refused: what the operator changes to allow it (config path and an example). */
  howToAllow?: string;
}

/**
 * The one-line problem a refused binding adds to an entity's problems, so every view that lists
 * problems (compliance, footprint, summary) says it, and a view that shows the binding itself
 * can recognise and skip the duplicate.
 *
 * @public
 */
export function bindingProblem(binding: FactBinding): string {
  return `Binding refused: ${binding.annotation} "${binding.value}": ${
    binding.reason ?? 'not allowed'
  }. ${binding.howToAllow ?? ''}`.trim();
}
