// Test entries built inline (the real digest is written separately): each one exercises a rule.
import type { MatcherEntry } from '../../../src/matcher';

const CHIP_WORDS = ['chip', 'chips', 'GPU', 'GPUs', 'semiconductor', '芯片'];

export const ENTRIES: readonly MatcherEntry[] = [
  { id: 'nvidia', aliases: ['Nvidia', '英伟达'] },
  {
    id: 'nvidia-h20',
    aliases: [
      { text: 'H20', near: CHIP_WORDS },
      { text: 'Nvidia H20', near: CHIP_WORDS },
    ],
  },
  { id: 'huawei', aliases: ['Huawei', '华为'] },
  { id: 'cloudmatrix', aliases: ['CloudMatrix 384', 'CloudMatrix'] },
  { id: 'xi-jinping', aliases: ['Xi Jinping', { text: 'Xi', caseSensitive: true, afterEntry: true }, '习近平'] },
  { id: 'jensen-huang', aliases: ['Jensen Huang', { text: 'Huang', afterEntry: true }] },
  {
    id: 'android',
    aliases: [
      { text: 'Android', near: ['Google', 'phone', 'phones', 'smartphone'], notNear: ['robot', 'robots', 'humanoid'] },
    ],
  },
  { id: 'apple', aliases: [{ text: 'Apple', caseSensitive: true }] },
  { id: 'entity-list', aliases: ['Entity List'] },
  { id: 'unreliable-entity-list', aliases: ['unreliable entity list'] },
  { id: 'zurich', aliases: ['Zürich'] },
  { id: 'deepseek', aliases: ['DeepSeek', '深度求索'] },
  { id: 'smic', aliases: ['SMIC', '中芯国际'] },
  { id: 'east-data-west-computing', aliases: ['东数西算'] },
  { id: 'pla', aliases: ["People's Liberation Army"] },
  { id: 'de-risking', aliases: ['de-risking'] },
  { id: 'big-fund', aliases: [{ text: 'Big Fund', caseSensitive: true }] },
  { id: 'united-states', aliases: ['U.S.'] },
  { id: 'export-control-list', aliases: ['U.S. export control list'] },
  { id: 'sk-hynix', aliases: ['SK Hynix'] },
  { id: 'risc-v', aliases: [{ text: 'RISC-V', near: ['C++', 'open ISA'] }] },
  { id: 'ascend', aliases: [{ text: 'Ascend', near: ['Huawei chip', 'export', 'export control'] }] },
];

/** Entries for the accuracy rules (issue 11): scope, generic aliases, policy owners, places, titles. */
export const ACCURACY_ENTRIES: readonly MatcherEntry[] = [
  { id: 'ntu', kind: 'organisation', scope: 'broad', aliases: ['National Taiwan University'] },
  { id: 'taiwan', kind: 'place', scope: 'broad', aliases: ['Taiwan', '台湾'] },
  { id: 'guizhou', kind: 'place', scope: 'broad', aliases: ['Guizhou', '贵州'] },
  { id: 'ai-plus', aliases: ['AI Plus', 'Artificial Intelligence Plus'] },
  { id: 'export-controls', policyOf: 'us', aliases: ['export restrictions', 'export curbs', '出口管制'] },
  {
    id: 'trump',
    kind: 'person',
    scope: 'broad',
    aliases: ['Donald Trump', { text: 'Trump', caseSensitive: true, afterEntry: true }, 'Trump administration'],
  },
  { id: 'tariffs', aliases: ['trade war', { text: 'tariffs', generic: true }] },
  { id: 'domestic-chips', aliases: ['中国芯片'] },
];
