import { createServer } from 'node:net';

/** A TCP port on 127.0.0.1 that was free a moment ago (for a server the test starts, or to find closed). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}
