import type { StateInventory } from '@squad-insights/backstage-plugin-squad-insights-common';
import { classifyDocument } from './classify';
import { syntaxReason } from './fastPath';
import { InventoryBuilder } from './InventoryBuilder';
import { resolvePlanReferences } from './planReferences';
import { configAddressOf, planResourceRegions } from './planRegions';
import { isRecord } from './shape';
import { StateParseError, StateShapeError } from './StateParseError';
import type { StateParseContext } from './types';
import { walkDocument } from './walkDocument';

const NOT_A_PLAN =
  'a plan is needed: the output of terraform show -json <planfile>, which has planned_values';

function parseJson(raw: string): Record<string, unknown> {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const start = text.length - text.trimStart().length;
  if (start === text.length) throw new StateShapeError('corrupt', NOT_A_PLAN);
  try {
    const doc: unknown = JSON.parse(text);
    if (!isRecord(doc)) throw new StateShapeError('corrupt', NOT_A_PLAN);
    return doc;
  } catch (error) {
    if (error instanceof StateShapeError) throw error;
    throw new StateShapeError(syntaxReason(text, start, error));
  }
}

/**
 * Reads what a Terraform plan would leave behind, as an inventory judged like a state: the
 * `planned_values` of `terraform show -json <planfile>` (root module and child modules, each
 * resource's `values` with its `sensitive_values` dropped and secrets scrubbed, exactly as the
 * `show -json` reader does for a state). A new service's pipeline has a plan before it has
 * any state.
 *
 * Regions come from the resources' own attributes first, then from the caller's
 * `providerRegions`, then from the plan's `configuration`: the provider configuration each
 * resource uses and its `region`, a constant or a root variable the plan records. Values only
 * known after apply are absent from a plan; where the configuration sets one from a single
 * reference to a known value (`bucket = aws_s3_bucket.this.id`), it is filled in, so resources
 * link to each other as they will once applied. Other unknown values stay missing.
 *
 * Plans are read whole (a new service's plan is small); refuses anything that is not a plan,
 * a state included, with a {@link StateParseError} that never quotes the content.
 *
 * @public
 */
export function parsePlan(
  input: string | Buffer,
  context: StateParseContext,
): StateInventory {
  try {
    const plan = parseJson(
      typeof input === 'string' ? input : input.toString('utf8'),
    );
    const kind = classifyDocument(plan, false);
    if (
      kind.kind !== 'show-json' ||
      !kind.plan ||
      !isRecord(plan.planned_values)
    ) {
      throw new StateShapeError('corrupt', NOT_A_PLAN);
    }
    // The planned values have the shape of `show -json` of a state: read them as one.
    const planned = {
      format_version: plan.format_version,
      terraform_version: plan.terraform_version,
      values: plan.planned_values,
    };
    const builder = new InventoryBuilder(context);
    walkDocument(planned, builder);
    const inventory = builder.finish(planned);
    const regions = planResourceRegions(plan);
    for (const resource of inventory.resources) {
      const region = regions.get(configAddressOf(resource.address));
      if (!region) continue;
      for (const instance of resource.instances) instance.region ??= region;
    }
    resolvePlanReferences(inventory, plan);
    return inventory;
  } catch (error) {
    if (error instanceof StateShapeError) {
      throw new StateParseError(context, error.reason, error.detail);
    }
    throw error;
  }
}
