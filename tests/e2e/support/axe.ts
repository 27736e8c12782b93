// axe-core in a page, for the accessibility checks of every e2e suite.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO } from './paths';

const AXE_SOURCE = readFileSync(resolve(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * Every axe violation on the page, as "rule: target" lines so a failure says where. Extension
 * pages forbid inline scripts (so addScriptTag is refused); evaluate runs outside the page's CSP.
 */
export async function axeViolations(on: Page): Promise<string[]> {
  if (!(await on.evaluate(() => 'axe' in window))) await on.evaluate(AXE_SOURCE);
  const { violations, passes } = await on.evaluate(async () => {
    type AxeResults = { violations: { id: string; nodes: { target: string[] }[] }[]; passes: unknown[] };
    const results = await (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run();
    return { violations: results.violations, passes: results.passes.length };
  });
  if (passes === 0) throw new Error('axe checked nothing');
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}
