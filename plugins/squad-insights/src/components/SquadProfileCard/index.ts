export { SquadProfileCard } from './SquadProfileCard';
