import MuiLink from '@mui/material/Link';
import { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';

/**
 * An in-app link in the theme's link colour. React Router's link navigates without a reload
 * in both frontend systems (the new one projects app history into React Router at the root);
 * core-components' `Link` is deprecated and still renders Material UI v4.
 *
 * @public
 */
export function AppLink(props: { to: string; children: ReactNode }) {
  return (
    <MuiLink component={RouterLink} to={props.to}>
      {props.children}
    </MuiLink>
  );
}
