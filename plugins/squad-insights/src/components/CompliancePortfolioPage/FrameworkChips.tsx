import type { PortfolioFrameworkStatus } from '@squad-insights/backstage-plugin-squad-insights-common';
import { CLASSES } from './portfolioTableStyles';

/** "PCI DSS v4.0: failing, 2 failing checks": what a chip's short id stands for. */
export function describeFramework(f: PortfolioFrameworkStatus): string {
  const failed =
    f.failed > 0
      ? `, ${f.failed} failing check${f.failed === 1 ? '' : 's'}`
      : '';
  return `${f.title}: ${f.status}${failed}`;
}

/**
 * A service's frameworks as compact chips: the framework id (`PCI_DSS`) coloured by status;
 * the title and status in the tooltip, and read instead of the id by screen readers.
 */
export function FrameworkChips(props: {
  frameworks: PortfolioFrameworkStatus[];
}) {
  return (
    <span className={CLASSES.chips}>
      {props.frameworks.map(f => {
        const description = describeFramework(f);
        return (
          <span
            key={f.id}
            className={`${CLASSES.chip} ${CLASSES[f.status]}`}
            title={description}
          >
            <span aria-hidden="true">{f.id}</span>
            <span className={CLASSES.hidden}>{description}</span>
          </span>
        );
      })}
    </span>
  );
}
