/**
 * The layers stay what the design says: the command line and the menu are two faces of the same services.
 * The command files and the menu hold no transaction and no store call, and the menu calls no command's
 * action: a rule enforced in one face but not the other could not exist.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module a file imports (static and dynamic), resolved to a path under src/. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\()\s*'(\.{1,2}\/[^']+)'/gu)].map((m) => m[1]!);
  return specs.map((s) => path.relative(SRC, path.resolve(path.dirname(file), s)).replace(/\\/gu, '/'));
}

const rel = (file: string): string => path.relative(SRC, file).replace(/\\/gu, '/');
const cliFiles = filesUnder(path.join(SRC, 'cli'));
const menuFiles = filesUnder(path.join(SRC, 'cli', 'interactive'));

/** What the menu may use from src/cli: the context, the parsers, the renderers, the error report — never an action module. */
const MENU_MAY_USE = /^cli\/(context|parse|dates|report|exit-code)\.js$|^cli\/render\/|^cli\/interactive\//u;

describe('layers', () => {
  it('finds the files it checks', () => {
    expect(cliFiles.length).toBeGreaterThan(20);
    expect(menuFiles.map(rel)).toContain('cli/interactive/actions.ts');
  });

  it('keeps the store out of src/cli: no store import (but opening it), no SQL, no transaction', () => {
    const offenders = cliFiles.flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      const stores = importsOf(file).filter((m) => m.startsWith('store/'));
      const sql = /\bdb\.(transaction|prepare|exec|pragma)\(/u.test(text) ? ['db call'] : [];
      return [...stores, ...sql].map((what) => `${rel(file)}: ${what}`);
    });
    expect(offenders).toEqual([]);
  });

  it('lets the menu call services and shared renderers, never a command action', () => {
    const offenders = menuFiles.flatMap((file) =>
      importsOf(file)
        .filter((m) => m.startsWith('cli/') && !MENU_MAY_USE.test(m))
        .map((m) => `${rel(file)} imports ${m}`),
    );
    expect(offenders).toEqual([]);
  });

  it('opens transactions only in services (and the migrations that open the store)', () => {
    const outside = filesUnder(SRC)
      // store/audit.ts: an entry written alone takes the write lock itself, as the hash chain must read the
      // entry before it under that lock.
      .filter((file) => !rel(file).startsWith('services/') && !['store/open.ts', 'store/audit.ts'].includes(rel(file)))
      .filter((file) => /\.transaction\(|BEGIN IMMEDIATE/u.test(fs.readFileSync(file, 'utf8')))
      .map(rel);
    expect(outside).toEqual([]);
  });

  it('keeps the core pure: no process, database or terminal in src/core, and files only for the bundled data tables', () => {
    const impure = filesUnder(path.join(SRC, 'core')).filter((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return /from 'node:(fs|child_process|os|process)'|from 'better-sqlite3'|process\.(stdout|stderr|exit)/u.test(text);
    });
    // These read their tables from data/ (rubric, retirement ages, skill-level synonyms), nothing else.
    expect(impure.map(rel).sort()).toEqual(['core/retirement.ts', 'core/rubric.ts', 'core/skill-level.ts']);
  });

  it('keeps the floors one way: intake knows neither the store, the services nor the documents; documents read no store records and call no service', () => {
    const upward = (floor: string, forbidden: RegExp): string[] =>
      filesUnder(path.join(SRC, floor)).flatMap((file) => importsOf(file).filter((m) => forbidden.test(m)).map((m) => `${rel(file)} → ${m}`));
    expect(upward('intake', /^(store|services|cli|documents)\//u)).toEqual([]);
    // output-file.ts writes through the store's atomic-file helper and refuses the database's backups by name.
    expect(upward('documents', /^(services|cli|intake)\/|^store\/(?!atomic-file\.js$|backup\.js$)/u)).toEqual([]);
  });
});
