import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';

import { serveConsole } from '@apps/gateway/src/console/serve-console';

@Module({})
class NoRoutesModule {}

/**
 * The console as the gateway serves it, from a directory of its own: `/` leads there; without a build, a 404 that
 * says how to build it; once built (without a restart), the page uncached and its hashed assets cached for a year,
 * both under the console's Content-Security-Policy.
 */
describe('serving the staff console', () => {
  let directory: string;
  let app: INestApplication;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'dibao-console-'));
    const nest = await NestFactory.create<NestExpressApplication>(NoRoutesModule, { logger: false });
    serveConsole(nest, directory);
    app = await nest.init();
  });

  afterAll(async () => {
    await app?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('leads / to the console, says how to build it while unbuilt, then serves the build with its headers', async () => {
    const server = app.getHttpServer() as Parameters<typeof request>[0];
    const root = await request(server).get('/');
    expect(root.status).toBe(302);
    expect(root.headers.location).toBe('/console/');

    const unbuilt = await request(server).get('/console/');
    expect(unbuilt.status).toBe(404);
    expect(unbuilt.body).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('npm run build:console'),
    });

    mkdirSync(join(directory, 'assets'));
    writeFileSync(join(directory, 'index.html'), '<!doctype html><title>最低生活保障业务系统</title>');
    writeFileSync(join(directory, 'assets', 'index-abc123.js'), 'export {};');

    const page = await request(server).get('/console/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('最低生活保障业务系统');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');

    const asset = await request(server).get('/console/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toMatch(/javascript/);

    expect((await request(server).get('/console/assets/missing.js')).status).toBe(404);
  });
});
