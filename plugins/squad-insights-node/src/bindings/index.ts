export {
  bindingPlaceholderValues,
  decideBinding,
  decideConsulBinding,
  decideStateBinding,
} from './decideBinding';
export type {
  BindingDecision,
  BindingEntity,
  BindingRules,
  ConsulOwnerEvidence,
} from './decideBinding';
export { BINDING_PLACEHOLDERS } from './keyTemplate';
export type {
  BindingPlaceholder,
  KeyTemplate,
  PlaceholderValues,
} from './keyTemplate';
export { readBindingRules, StateBindingPolicy } from './StateBindingPolicy';
