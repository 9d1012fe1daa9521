import { CodeSnippet, InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@mui/material/Typography';
import { annotationSnippet } from './annotationSnippet';

/**
 * Shown instead of the Squad Insights cards on an entity that carries none of the plugin's
 * annotations: what the plugin would show, and the lines to add to `catalog-info.yaml`.
 *
 * @public
 */
export function NotConnectedCard() {
  const { entity } = useEntity();
  return (
    <InfoCard title="Connect to Squad Insights">
      <Typography variant="body2" paragraph>
        {entity.metadata.name} has no Squad Insights annotations yet. Add them
        to its <code>catalog-info.yaml</code> to see its squad and tribe, its
        compliance with the frameworks its data needs, and its energy use and
        CO2e. Keep the annotations that apply and remove the others; the
        Terraform state reference turns on compliance checks and the footprint.
      </Typography>
      <CodeSnippet
        language="yaml"
        text={annotationSnippet(entity.metadata.name)}
        showCopyCodeButton
      />
    </InfoCard>
  );
}
