import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { startApp } from '../../../src/main.ts';
import { tempSqliteUrl } from '../../support/databases.ts';

const file = tempSqliteUrl();
afterAll(() => file.cleanup());

describe('the program with the console', () => {
  it('runs the console on the given streams as admin of the default campaign, and stops cleanly', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let transcript = '';
    output.on('data', (chunk) => {
      transcript += chunk;
    });
    const app = await startApp({
      env: {
        DATABASE_URL: file.url,
        LOG_LEVEL: 'silent',
        CAMPAIGN_NAME: 'Harbour',
        HTTP_PORT: '0',
      },
      consoleStreams: { input, output },
    });
    expect(app.adapters.get('console')).toBeDefined();
    input.end('/task create title:"Paint banners"\n');
    await app.adapters.get('console')?.ended;
    await app.stop();

    expect(transcript).toContain('campaign "Harbour"');
    expect(transcript).toContain('#1');
    expect(transcript).toContain('Paint banners');
    expect(transcript).not.toContain('Only organizers');
  });

  it('leaves the console off when told to', async () => {
    const app = await startApp({
      env: { DATABASE_URL: file.url, LOG_LEVEL: 'silent', HTTP_PORT: '0' },
      console: 'never',
    });
    expect(app.adapters.get('console')).toBeUndefined();
    await app.stop();
  });
});
