import { alpha, keyframes } from '@mui/material/styles';
import type { CSSObject, Theme } from '@mui/material/styles';
import { visuallyHidden } from '../charts/visuallyHidden';

/**
 * Class names of the table body. The body is plain table markup styled once, here, on the
 * table: a page of rows holds hundreds of cells, links and chips, and as MUI components each
 * would compute and serialise its styles on every render (most of a filter change's time in
 * the production build's profile).
 */
export const CLASSES = {
  numeric: 'si-numeric',
  link: 'si-link',
  chips: 'si-chips',
  chip: 'si-chip',
  caption: 'si-caption',
  hidden: 'si-hidden',
  failing: 'si-failing',
  compliant: 'si-compliant',
  unknown: 'si-unknown',
  stale: 'si-stale',
  /** Space before a chip that follows text in the same cell. */
  gap: 'si-gap',
  /** A placeholder bar in a cell while the first page loads. */
  skeleton: 'si-skeleton',
} as const;

/** MUI Skeleton's pulse. */
const pulse = keyframes`
  0% { opacity: 1; }
  50% { opacity: 0.4; }
  100% { opacity: 1; }
`;

const c = (name: string) => `& .${name}`;

/**
 * The look of MUI's small table cells, links and chips in Backstage's theme (including its
 * dark theme: every colour comes from the palette), for the classes above.
 */
export function portfolioTableStyles(theme: Theme): CSSObject {
  return {
    // Backstage's theme breaks table text anywhere (`break-word`), which lets the browser
    // squeeze a column until "Commerce" reads "Commer ce". Break between words only.
    '& th, & td': { wordBreak: 'normal' },
    '& tbody th, & tbody td': {
      ...theme.typography.body2,
      color: theme.palette.text.primary,
      textAlign: 'left',
      verticalAlign: 'middle',
      lineHeight: 1.25,
      padding: theme.spacing(1.25, 2, 1.25, 2.5),
      borderBottom: `1px solid ${theme.palette.divider}`,
    },
    [`& tbody .${CLASSES.numeric}`]: { textAlign: 'right' },
    '& tbody tr:hover': { backgroundColor: theme.palette.action.hover },
    [c(CLASSES.link)]: {
      color: theme.palette.primary.main,
      textDecoration: 'none',
      '&:hover, &:focus-visible': { textDecoration: 'underline' },
    },
    [c(CLASSES.chips)]: { display: 'flex', flexWrap: 'wrap', gap: '4px' },
    [c(CLASSES.chip)]: {
      display: 'inline-flex',
      alignItems: 'center',
      height: 20,
      padding: '0 8px',
      borderRadius: 10,
      border: '1px solid transparent',
      fontSize: '0.7rem',
      fontWeight: theme.typography.fontWeightMedium,
      whiteSpace: 'nowrap',
      verticalAlign: 'middle',
    },
    [c(CLASSES.failing)]: {
      backgroundColor: theme.palette.error.main,
      color: theme.palette.error.contrastText,
    },
    [c(CLASSES.compliant)]: {
      backgroundColor: theme.palette.success.main,
      color: theme.palette.success.contrastText,
    },
    [c(CLASSES.unknown)]: {
      borderColor: theme.palette.text.secondary,
      color: theme.palette.text.primary,
    },
    [c(CLASSES.stale)]: {
      borderColor: theme.palette.warning.main,
      color: theme.palette.warning.main,
      marginLeft: theme.spacing(1),
    },
    [c(CLASSES.gap)]: { marginLeft: theme.spacing(1) },
    [c(CLASSES.caption)]: {
      ...theme.typography.caption,
      display: 'block',
      color: theme.palette.text.secondary,
    },
    [c(CLASSES.hidden)]: { ...visuallyHidden },
    // MUI's text Skeleton, as one class: a hundred Skeleton components (ten rows of ten
    // cells) took longer to render than the first page of rows that replaces them.
    [c(CLASSES.skeleton)]: {
      display: 'block',
      height: '1.2em',
      transformOrigin: '0 55%',
      transform: 'scale(1, 0.60)',
      borderRadius: theme.shape.borderRadius,
      backgroundColor: alpha(
        theme.palette.text.primary,
        theme.palette.mode === 'light' ? 0.11 : 0.13,
      ),
      animation: `${pulse} 2s ease-in-out 0.5s infinite`,
    },
  };
}
