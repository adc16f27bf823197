import { createConnection } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startRedis } from './redis-server.js';

/** Sends PING over a raw socket and returns the reply line, or the error message. */
function ping(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('error', (error) => resolve(`error: ${error.message}`));
    socket.once('data', (data) => {
      resolve(data.toString().trim());
      socket.end();
    });
    socket.write('PING\r\n');
  });
}

describe('startRedis', () => {
  it('serves on loopback, pauses, restarts on the same port and stops', async () => {
    const redis = await startRedis();
    try {
      expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
      expect(await ping(redis.port)).toBe('+PONG');
      await redis.pause();
      expect(await ping(redis.port)).toMatch(/ECONNREFUSED/);
      await redis.restart();
      expect(await ping(redis.port)).toBe('+PONG');
    } finally {
      await redis.stop();
    }
    expect(await ping(redis.port)).toMatch(/ECONNREFUSED/);
  });
});
