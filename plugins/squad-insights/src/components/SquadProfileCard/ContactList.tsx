import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ServiceContact } from '@squad-insights/backstage-plugin-squad-insights-common';

/**
 * The contacts of one role: a catalog person or group links to its page and has a mail link;
 * a bare address is a mail link. The squad's address standing in for nobody named says so.
 */
export function ContactList({ contacts }: { contacts?: ServiceContact[] }) {
  if (!contacts || contacts.length === 0) {
    return <Typography variant="body2">—</Typography>;
  }
  return (
    <Stack spacing={0.25}>
      {contacts.map(c => (
        <Typography
          variant="body2"
          key={`${c.entityRef ?? ''}:${c.email ?? c.title}`}
        >
          {c.entityRef && c.source === 'annotation' ? (
            <EntityRefLink entityRef={c.entityRef} title={c.title} />
          ) : null}
          {c.email && (
            <>
              {c.entityRef && c.source === 'annotation' ? ' · ' : ''}
              {/* A mail link opens the mail client, not a window: core-components' Link would say so. */}
              <Link href={`mailto:${c.email}`}>{c.email}</Link>
            </>
          )}
          {c.source === 'squad-email' && (
            <Typography
              component="span"
              variant="caption"
              color="text.secondary"
            >
              {' (squad address; nobody named)'}
            </Typography>
          )}
        </Typography>
      ))}
    </Stack>
  );
}
