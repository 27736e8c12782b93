import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32, createZip, readZip } from '../../tools/zip';

const files = [
  { path: 'src/b.js', data: Buffer.from('console.log("b");\n'.repeat(50)) },
  { path: 'a.json', data: Buffer.from('{"a":1}') },
  { path: 'icons/x.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) },
];

describe('createZip', () => {
  it('gives the same bytes for the same files in any order', () => {
    expect(createZip(files).equals(createZip([...files].reverse()))).toBe(true);
  });

  it('stores the files in path order, readable back', () => {
    const back = readZip(createZip(files));
    expect(back.map((f) => f.path)).toEqual(['a.json', 'icons/x.png', 'src/b.js']);
    for (const f of files)
      expect(Buffer.from(back.find((b) => b.path === f.path)?.data ?? []).equals(f.data)).toBe(true);
  });

  it('is a zip that unzip accepts, with the fixed 1980-01-01 timestamp', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-test-'));
    try {
      const path = join(dir, 'x.zip');
      writeFileSync(path, createZip(files));
      const listing = execFileSync('unzip', ['-l', path], { encoding: 'utf8' });
      expect(listing.match(/1980-01-01 00:00/g)).toHaveLength(3);
      execFileSync('unzip', ['-q', path, '-d', join(dir, 'out')]);
      expect(readFileSync(join(dir, 'out/src/b.js'))).toEqual(files[0]?.data);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses paths that would leave the folder', () => {
    expect(() => createZip([{ path: '../x', data: Buffer.from('') }])).toThrow(/not a relative path/);
    expect(() => createZip([{ path: '/etc/x', data: Buffer.from('') }])).toThrow(/not a relative path/);
  });
});

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(Buffer.from('123456789')).toString(16)).toBe('cbf43926');
  });
});
