export { GroupRollupCard } from './GroupRollupCard';
