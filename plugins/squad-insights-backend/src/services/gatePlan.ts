import { InputError } from '@backstage/errors';
import {
  parsePlan,
  selectStateModule,
  StateParseError,
} from '@squad-insights/backstage-plugin-squad-insights-node';
import type { StateInventory } from '@squad-insights/backstage-plugin-squad-insights-common';

/**
 * The plan of a gate request (`terraform show -json` of a plan, as JSON in the body), read as
 * what it would leave in one of the service's declared states. Undefined without a plan.
 * Malformed input is a 400 naming the field; the plan's content is never quoted back.
 */
export function readPlanInput(
  plan: unknown,
  stateReference: unknown,
  declared: readonly string[],
): { reference: string; inventory: StateInventory } | undefined {
  if (plan === undefined || plan === null) return undefined;
  if (typeof plan !== 'object' || Array.isArray(plan)) {
    throw new InputError(
      'plan must be the JSON object of terraform show -json <planfile>',
    );
  }
  let reference: string;
  if (stateReference !== undefined) {
    if (
      typeof stateReference !== 'string' ||
      !declared.includes(stateReference)
    ) {
      throw new InputError(
        `stateReference must be one of the states the service declares: ${
          declared.join(', ') || 'none'
        }`,
      );
    }
    reference = stateReference;
  } else if (declared.length === 1) {
    reference = declared[0];
  } else {
    throw new InputError(
      declared.length
        ? `stateReference is required with a plan: the service declares ${
            declared.length
          } states (${declared.join(', ')})`
        : 'plan: the service declares no Terraform state for a plan to change',
    );
  }
  try {
    const inventory = parsePlan(JSON.stringify(plan), {
      sourceId: 'request',
      key: 'plan',
    });
    const hash = reference.indexOf('#');
    return {
      reference,
      inventory: selectStateModule(
        inventory,
        hash < 0 ? undefined : reference.slice(hash + 1),
      ),
    };
  } catch (error) {
    if (StateParseError.isStateParseError(error))
      throw new InputError(`plan: ${error.message}`);
    throw error;
  }
}
