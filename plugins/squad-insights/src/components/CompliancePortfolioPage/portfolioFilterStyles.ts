import { alpha } from '@mui/material/styles';
import type { CSSObject, Theme } from '@mui/material/styles';

/** Class of one labelled field of the filter bar (the search box and the selects). */
export const FILTER_FIELD = 'si-filter-field';
/** A field that is a select: it gets the select's arrow. */
export const FILTER_SELECT = 'si-filter-select';

/**
 * The filter bar's search box and selects as MUI's small outlined fields look in Backstage's
 * theme (and its dark theme: every colour comes from the palette), styled once on the bar. As
 * MUI TextFields, ten fields were ten form controls, labels, inputs and outlines whose styles
 * were computed and inserted while the page first rendered: 40-60 ms of the review page's
 * first load on the bench machine, before its first rows showed.
 */
export function portfolioFilterStyles(theme: Theme): CSSObject {
  const border = alpha(
    theme.palette.text.primary,
    theme.palette.mode === 'light' ? 0.23 : 0.3,
  );
  return {
    [`& .${FILTER_FIELD}`]: {
      position: 'relative',
      display: 'inline-flex',
      flexDirection: 'column',
      minWidth: 160,
    },
    // The label sits in the outline's top edge, as MUI's shrunk label does: the bar stands on
    // the page's background, which hides the edge behind the label.
    [`& .${FILTER_FIELD} > label`]: {
      ...theme.typography.caption,
      position: 'absolute',
      top: -7,
      left: 10,
      padding: '0 4px',
      lineHeight: 1.1,
      color: theme.palette.text.secondary,
      backgroundColor: theme.palette.background.default,
      pointerEvents: 'none',
      whiteSpace: 'nowrap',
    },
    [`& .${FILTER_FIELD}:focus-within > label`]: {
      color: theme.palette.primary.main,
    },
    [`& .${FILTER_FIELD} > select, & .${FILTER_FIELD} > input`]: {
      ...theme.typography.body1,
      appearance: 'none',
      boxSizing: 'border-box',
      height: 40,
      // A long option (a framework's full title) would widen the field to its length.
      maxWidth: 240,
      textOverflow: 'ellipsis',
      padding: '8px 14px',
      border: `1px solid ${border}`,
      borderRadius: theme.shape.borderRadius,
      color: theme.palette.text.primary,
      backgroundColor: 'transparent',
      '&:hover': { borderColor: theme.palette.text.primary },
      '&:focus-visible': {
        outline: `2px solid ${theme.palette.primary.main}`,
        outlineOffset: -1,
        borderColor: theme.palette.primary.main,
      },
      // The list the browser opens takes its colours from the page's.
      '& option': {
        color: theme.palette.text.primary,
        backgroundColor: theme.palette.background.paper,
      },
    },
    [`& .${FILTER_SELECT} > select`]: {
      // A string: a number would be read as theme spacing (×8) in `sx`.
      paddingRight: '32px',
      cursor: 'pointer',
    },
    [`& .${FILTER_FIELD} > input`]: { width: 240 },
    [`& .${FILTER_FIELD} > input::placeholder`]: {
      color: theme.palette.text.secondary,
      opacity: 1,
    },
    // The select's arrow, as MUI draws it, where `appearance: none` took the browser's away.
    [`& .${FILTER_SELECT}::after`]: {
      content: '""',
      position: 'absolute',
      right: 14,
      top: 18,
      borderLeft: '5px solid transparent',
      borderRight: '5px solid transparent',
      borderTop: `5px solid ${theme.palette.text.secondary}`,
      pointerEvents: 'none',
    },
  };
}
