import type Docker from 'dockerode';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chooseImageSource, imageSourceLine } from '../../src/backends/docker/images.ts';

const dockerDir = fileURLToPath(new URL('../../docker', import.meta.url));
// The engine's answer when no registry resolves (as observed on a machine without one).
const raw = '(HTTP code 500) server error - Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io: no such host';

/** An engine with no images that cannot pull: every inspect is a 404, every pull fails with `raw`. */
const offlineEngine = {
  getImage: () => ({ inspect: () => Promise.reject(Object.assign(new Error('no such image'), { statusCode: 404 })) }),
  pull: () => Promise.reject(new Error(`${raw}\nmore`)),
} as unknown as Docker;

describe('the image source when no registry is reachable', () => {
  it('is offline, with the reason in words and the engine\'s error kept apart as detail', async () => {
    const chosen = await chooseImageSource(offlineEngine, dockerDir, 'auto');
    expect(chosen.source).toBe('offline');
    expect(chosen.reason).toBe('no registry reachable');
    expect(chosen.detail).toMatch(/^\S+: \(HTTP code 500\) server error - Get "https:\/\/registry-1\.docker\.io\/v2\/"/);
    expect(chosen.detail).not.toMatch(/more/);
  });

  it('the run log says it in words, without the engine\'s error', async () => {
    const { source, reason } = await chooseImageSource(offlineEngine, dockerDir, 'auto');
    const line = imageSourceLine(source, reason);
    expect(line).toBe('no registry reachable: using offline images (npm run doctor shows why)');
    expect(line).not.toMatch(/HTTP code|dial tcp/);
  });

  it('a requested source is logged as before', () => {
    expect(imageSourceLine('upstream', 'requested')).toBe('images: upstream (requested)');
  });
});
