import { beforeEach, describe, expect, it } from 'vitest';
import { digest } from '../../../src/digest';
import { compileMatcher, type Matcher } from '../../../src/matcher';
import { entryNamedBy } from '../../../src/matcher/name-lookup';

// Compiled before each test, not at load, so Stryker credits the compile step to these tests
// (see matcher.test.ts).
let matcher: Matcher;
beforeEach(() => {
  matcher = compileMatcher(digest.entries);
});
const named = (text: string) => entryNamedBy(text, digest.entries, matcher);

describe('entryNamedBy', () => {
  it.each([
    ['Huawei', 'huawei'],
    ['  HUAWEI ', 'huawei'],
    ['华为', 'huawei'],
    ['Nvidia’s', 'nvidia'],
    ["Nvidia's", 'nvidia'],
    ['H20', 'nvidia-h20'],
    ['Cloud\u00a0Matrix 384', undefined],
    ['CloudMatrix\u00a0384', 'cloudmatrix-384'],
    ['the new CloudMatrix 384 system', 'cloudmatrix-384'],
    ['Huang', 'jensen-huang'],
    ['unreliable entity list', 'unreliable-entity-list'],
    ['banana bread', undefined],
    ['', undefined],
    // Exact aliases are found in any case, even where the matcher's case rule would reject them.
    ['XI', 'xi-jinping'],
    ['XI’s', 'xi-jinping'],
    ["XI's", 'xi-jinping'],
    ['XI’s ', 'xi-jinping'],
    // Not an alias on its own: the matcher finds it, with every entry counted as seen.
    ['a speech by Huang on chips', 'jensen-huang'],
    ['Huawei and Nvidia', 'huawei'],
  ])('%j names %s', (text, expected) => {
    expect(named(text)).toBe(expected);
  });
});
