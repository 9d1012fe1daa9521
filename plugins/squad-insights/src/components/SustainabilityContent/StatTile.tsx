import Grid from '@mui/material/Grid';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';

/** One headline figure; `good` colours it when a threshold applies. */
export function StatTile(props: {
  label: string;
  value: string;
  good?: boolean;
}) {
  let color = 'text.primary';
  if (props.good !== undefined)
    color = props.good ? 'success.main' : 'warning.main';
  return (
    <Grid item xs={6} md={3}>
      <Paper sx={{ p: 2 }}>
        <Typography variant="overline" color="text.secondary">
          {props.label}
        </Typography>
        <Typography variant="h5" color={color}>
          {props.value}
        </Typography>
      </Paper>
    </Grid>
  );
}
