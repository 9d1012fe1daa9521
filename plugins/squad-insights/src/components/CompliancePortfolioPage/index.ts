export { CompliancePortfolioPage } from './CompliancePortfolioPage';
