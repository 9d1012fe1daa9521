import { createService } from './server.js';

const port = Number(process.env.PORT ?? 8080);
let ready = false;

const server = createService({
  info: {
    name: '${{ values.name }}',
    version: process.env.SERVICE_VERSION ?? '0.1.0',
  },
  isReady: () => ready,
});

server.listen(port, () => {
  ready = true;
  console.log(JSON.stringify({ level: 'info', message: `listening on ${port}` }));
});

// Stop taking new traffic first (readiness fails), then let open requests finish.
function shutdown(signal: string) {
  ready = false;
  console.log(JSON.stringify({ level: 'info', message: `${signal}: shutting down` }));
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
