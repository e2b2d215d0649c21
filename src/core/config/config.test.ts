import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_DOCS, ConfigError, loadConfig, ZConfig } from './config';

describe('configuration', () => {
  it('works with no environment at all', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.GONGHUI_DEMO).toBe(true);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.dataDir).toMatch(/\/data$/);
  });

  it('reads flags and numbers from text', () => {
    const config = loadConfig({ PORT: '8080', GONGHUI_DEMO: '0', DATA_DIR: '/srv/gonghui' });
    expect(config.PORT).toBe(8080);
    expect(config.GONGHUI_DEMO).toBe(false);
    expect(config.dataDir).toBe('/srv/gonghui');
  });

  it('stops with a message naming each bad variable and its value', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT="eighty"/);
    expect(message).toMatch(/DATABASE_URL="mysql:\/\/x": 应以 postgres:\/\/ 开头/);
  });

  it('documents every variable in the README configuration table', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    for (const name of Object.keys(ZConfig.shape)) {
      expect(readme, `README lacks ${name}`).toMatch(new RegExp(`\\| \`${name}\` \\|`));
      expect(CONFIG_DOCS[name as keyof typeof CONFIG_DOCS]).toBeTruthy();
    }
  });
});
