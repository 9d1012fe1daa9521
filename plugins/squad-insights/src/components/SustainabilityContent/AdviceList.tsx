import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import type {
  Advice,
  Criticality,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { fmt } from './format';

// Savings can be negative (moving region is reported even when it is worse): say so in words
// rather than showing "saves −13 kg".
function effect(a: Advice) {
  const kwh = `${fmt(a.kwhPerMonthAffected, 0)} kWh/month affected`;
  if (a.co2eKgPerMonthSaved > 0)
    return `Saves ${fmt(a.co2eKgPerMonthSaved)} kg CO2e/month · ${kwh}`;
  if (a.co2eKgPerMonthSaved < 0)
    return `Adds ${fmt(-a.co2eKgPerMonthSaved)} kg CO2e/month · ${kwh}`;
  return `No CO2e change at annual grid factors · ${kwh}`;
}

/** The advice that fits the service's criticality, with its estimated effect per month. */
export function AdviceList(props: {
  advice: Advice[];
  criticality: Criticality;
  declared: boolean;
}) {
  const { advice, criticality, declared } = props;
  if (advice.length === 0) {
    return (
      <Typography variant="body2">
        {`No advice for a ${criticality} service${
          declared ? '' : ' (no criticality declared, so critical is assumed)'
        }.`}
      </Typography>
    );
  }
  return (
    <List dense disablePadding>
      {[...advice]
        .sort((a, b) => b.co2eKgPerMonthSaved - a.co2eKgPerMonthSaved)
        .map(a => (
          <ListItem key={`${a.kind}:${a.region ?? ''}`} disableGutters>
            <ListItemText primary={a.summary} secondary={effect(a)} />
          </ListItem>
        ))}
    </List>
  );
}
