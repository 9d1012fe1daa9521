#!/usr/bin/env node
/*
 * squad-insights CLI: the same reader the portal uses, for squads' CI pipelines and for
 * operators checking a source. User errors print one line and exit 1; no stack traces.
 */
import { Command } from 'commander';
import { registerCheckCommands } from './checkCommands';
import { registerFootprintCommands } from './footprintCommands';
import { registerGateCommands } from './gateCommands';
import { registerStateCommands } from './stateCommands';

const program = new Command('squad-insights')
  .description(
    'Squad Insights command line: Terraform state inventory and compliance checks',
  )
  .showHelpAfterError();

// `state inspect --ndjson | head` closes the pipe early: that is the reader's choice, not an
// error, so stop quietly instead of dying with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

registerStateCommands(program);
registerFootprintCommands(program);
registerCheckCommands(program);
registerGateCommands(program);

program.parseAsync(process.argv).catch(error => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`squad-insights: ${message.split('\n')[0]}\n`);
  process.exit(1);
});
