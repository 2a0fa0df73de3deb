// Every file of tests/fixtures/import goes through the importer and through the
// validate CLI; manifest.json says what each must produce.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../src/io/importFiles.ts';
import type { Issue } from '../src/io/messages.ts';
import { main } from '../scripts/validate-cli.ts';

interface Entry {
  file: string;
  valid: boolean;
  codes: string[];
  featureIndex?: number;
  line?: number;
  note?: string;
}

const DIR = join(import.meta.dirname, 'fixtures/import');
const manifest: Entry[] = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8'));
const STACK = /^\s+at\s/m;

describe('import corpus manifest', () => {
  it('has at least 30 entries, each file listed once', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(30);
    expect(new Set(manifest.map((e) => e.file)).size).toBe(manifest.length);
  });
});

describe.each(manifest)('$file', (entry) => {
  const path = join(DIR, entry.file);

  it(`importFiles → ${entry.valid ? 'valid' : 'invalid'} with ${entry.codes.join(', ') || 'no issues'}`, async () => {
    const r = await importFiles([{ name: entry.file, bytes: new Uint8Array(readFileSync(path)) }]);
    expect(r.ok).toBe(entry.valid);
    const issues: Issue[] = r.ok ? [...r.warnings, ...r.layers.flatMap((l) => l.warnings)] : [...r.errors, ...r.warnings];
    const codes = [...new Set(issues.map((i) => i.code))].filter((c) => c !== 'errors.more').sort();
    expect(codes).toEqual([...entry.codes].sort());
    for (const i of issues) {
      expect(i.message.en.length).toBeGreaterThan(10);
      expect(i.message.zh.length).toBeGreaterThan(3);
      expect(i.message.en + i.message.zh).not.toMatch(/\{\w+\}/); // every placeholder filled
    }
    if (entry.featureIndex !== undefined || entry.line !== undefined) {
      const first = issues.filter((i) => i.code === entry.codes[0]);
      if (entry.featureIndex !== undefined) expect(first.map((i) => i.featureIndex)).toContain(entry.featureIndex);
      if (entry.line !== undefined) expect(first.map((i) => i.line)).toContain(entry.line);
    }
  });

  it('validate CLI → exit code and one located line per problem', async () => {
    const lines: string[] = [];
    const code = await main([path], (l) => lines.push(l));
    expect(code).toBe(entry.valid ? 0 : 1);
    const text = lines.join('\n');
    expect(text).not.toMatch(STACK);
    for (const l of lines) expect(l.startsWith(`${path}: `)).toBe(true);
    const problems = lines.filter((l) => !l.startsWith(`${path}: warning: `) && !l.includes(': valid, '));
    expect(problems.length > 0).toBe(!entry.valid);
    if (entry.featureIndex !== undefined) expect(text).toContain(`feature ${entry.featureIndex}`);
  });
});

describe('validate CLI as a process', () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate-cli.ts', ...args], { cwd: join(DIR, '../../..'), encoding: 'utf8' });

  it('exits 1 for a mix of valid and invalid files, prints no stack trace, and handles a missing file', () => {
    const files = ['clockwise-ring.geojson', 'deep-nesting.geojson', 'truncated.geojson'].map((f) => join(DIR, f));
    const r = run([...files, join(DIR, 'does-not-exist.geojson')]);
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
    expect(r.stdout).toContain('clockwise-ring.geojson: valid, 1 feature');
    expect(r.stdout).toMatch(/does-not-exist\.geojson: The file could not be read: no such file \(无法读取文件/);
    expect(r.stdout).toMatch(/deep-nesting\.geojson: line 1, column \d+: .*nested more than 64 levels/);
  });

  it('exits 0 for valid files with warnings and supports --json', () => {
    const r = run(['--json', join(DIR, 'null-geometry.geojson'), join(DIR, 'gbk-lonlat.csv')]);
    expect(r.status).toBe(0);
    const reports = JSON.parse(r.stdout) as { ok: boolean; warnings: Issue[] }[];
    expect(reports.map((x) => x.ok)).toEqual([true, true]);
    expect(reports[1].warnings[0].code).toBe('encoding.gbk_decoded');
  });
});
