import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Grid from '@mui/material/Grid';
import {
  bindingProblem,
  FactBinding,
} from '@squad-insights/backstage-plugin-squad-insights-common';

/** The refused bindings of a result; older results and snapshots carry none. */
export function refusedBindings(
  bindings: FactBinding[] | undefined,
): FactBinding[] {
  return (bindings ?? []).filter(b => !b.allowed);
}

/**
 * The problems not already said by a refused binding's own alert: the backend lists each
 * refusal among the problems too, for views that only show problems.
 */
export function otherProblems(
  problems: string[],
  bindings: FactBinding[] | undefined,
): string[] {
  const said = new Set(refusedBindings(bindings).map(bindingProblem));
  return problems.filter(p => !said.has(p));
}

/**
 * One warning per binding the operator's rules refused: which annotation and value, why, and
 * how the operator allows it. Nothing was read for it, so the checks that need it are unknown.
 */
export function BindingRefusals(props: { bindings?: FactBinding[] }) {
  return (
    <>
      {refusedBindings(props.bindings).map(b => (
        <Grid item xs={12} key={`${b.annotation}=${b.value}`}>
          <Alert severity="warning">
            <AlertTitle>Binding refused</AlertTitle>
            <code>
              {b.annotation}: {b.value}
            </code>{' '}
            was not read, so checks that depend on it are unknown. {b.reason}.{' '}
            {b.howToAllow}
          </Alert>
        </Grid>
      ))}
    </>
  );
}
