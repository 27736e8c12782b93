// A term inside a longer proper name is not that term: "National Taiwan University of Science and
// Technology" is another university, "Guizhou Daily" a newspaper, "… Reform Act" a statute,
// "CloudMatrix-Infer" another product. Decided from what follows the term, as general rules:
// - a following run of capitalised words (up to three) that holds a name's head noun;
// - a capitalised term of several words, or one ending in a head noun, followed by "of" and a
//   capitalised word ("Regulations on Export Control of Dual-Use Items");
// - a place between two capitalised words ("Global Taiwan Institute"), or, in Chinese, followed by
//   a company suffix ("台灣積體電路製造股份有限公司");
// - a hyphen glued to a capitalised word ("-Infer"; "-R1" with a digit is a model of the same name);
// - in Chinese, a head noun within the next few characters ("四川日报", "台湾科技大学").

/** Head nouns of institutions, statutes, newspapers and firms that other names end in. */
const HEAD_NOUNS = new Set([
  'university',
  'college',
  'institute',
  'academy',
  'school',
  'hospital',
  'museum',
  'foundation',
  'act',
  'law',
  'bill',
  'daily',
  'times',
  'post',
  'herald',
  'tribune',
  'gazette',
  'journal',
  'news',
  'airlines',
  'airways',
  'bank',
  'semiconductor',
  'tower',
  'thought',
  'stadium',
  'list',
]);

/** Chinese head nouns: a newspaper, a university, a statute, a bank, an airline, a TV station. */
const CJK_HEADS =
  /^[^\s\p{P}]{0,3}?(?:日报|日報|晚报|晚報|时报|時報|大学|大學|法案|银行|銀行|航空|电视台|電視台|名单|名單|清单|清單)/u;
/** A chip word running on into a compound: "中國晶片製造設備" is chipmaking equipment, not chips. */
const CJK_CHIP_COMPOUND = /(?:芯片|晶片)$/u;
const CJK_COMPOUND_AFTER = /^(?:製造|制造|设备|設備|产业|產業|行业|行業|企业|企業|业|業|股)/u;
const CJK_COMPANY = /^[^\s\p{P}]{0,10}?(?:股份|有限公司|集团|集團)/u;
const WORD_BEFORE = /\p{Lu}\p{L}*\s+$/u;
/** What a sentence's first word follows: nothing, or a stop (the text before is trimmed). */
const SENTENCE_START = /(?:^|[.!?:"“”])$/u;
const TITLE_CASE_WORDS = /^\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)+$/u;
const ENDS_IN_WORD_CHAR = /[\p{L}\p{N}]$/u;

const WORD_AFTER = /^\s+([\p{Lu}][\p{L}\p{M}'’.-]*)/u;
const HYPHEN_WORD = /^[-\u2010\u2011]\p{Lu}\p{Ll}/u;
const OF_CAPITAL = /^\s+of\s+\p{Lu}/u;
const LAST_WORD = /([\p{L}]+)\W*$/u;
const CJK_LAST = /[\p{scx=Han}]$/u;

/** The capitalised words right after `end`, at most three. */
function capitalisedWordsAfter(text: string, end: number): string[] {
  const words: string[] = [];
  let rest = text.slice(end, end + 80);
  for (let found = WORD_AFTER.exec(rest); found !== null && words.length < 3; found = WORD_AFTER.exec(rest)) {
    const word = found[1] as string;
    words.push(word.replace(/['’.-]+$/u, '').toLowerCase());
    rest = rest.slice(found[0].length);
  }
  return words;
}

function endsInHeadNoun(term: string): boolean {
  const last = LAST_WORD.exec(term)?.[1];
  return last !== undefined && HEAD_NOUNS.has(last.toLowerCase());
}

/** A place name between two capitalised words mid-sentence: part of an institution's name. */
function placeBetweenCapitals(text: string, start: number, end: number): boolean {
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, start - 30), start));
  if (!before || !WORD_AFTER.test(text.slice(end, end + 30))) return false;
  // The word before must be a whole word that does not open a sentence ("In Taiwan Today" is no name).
  const wordStart = start - before[0].length;
  if (/\p{L}/u.test(text.charAt(wordStart - 1))) return false;
  return !SENTENCE_START.test(text.slice(Math.max(0, wordStart - 40), wordStart).trimEnd());
}

/**
 * Whether text[start, end) is part of a longer proper name of something else; `place` for places.
 * `termStarts`: where other digest terms start, so "Trump-Xi" reads as two names, not one.
 */
export function insideLongerName(
  text: string,
  start: number,
  end: number,
  place: boolean,
  termStarts: ReadonlySet<number>,
): boolean {
  const term = text.slice(start, end);
  // The last code point is within the last two units; the pattern is not tried along the whole term.
  if (CJK_LAST.test(term.slice(-2))) {
    const after = text.slice(end, end + 14);
    if (CJK_CHIP_COMPOUND.test(term) && CJK_COMPOUND_AFTER.test(after)) return true;
    return CJK_HEADS.test(after) || (place && CJK_COMPANY.test(after));
  }
  // Each test reads the few characters after the term first: they rarely pass, and the tests of the
  // term's own end are the costly ones.
  if (HYPHEN_WORD.test(text.slice(end, end + 4)) && ENDS_IN_WORD_CHAR.test(term) && !termStarts.has(end + 1))
    return true;
  if (capitalisedWordsAfter(text, end).some((w) => HEAD_NOUNS.has(w))) return true;
  if (place && placeBetweenCapitals(text, start, end)) return true;
  return OF_CAPITAL.test(text.slice(end, end + 12)) && (endsInHeadNoun(term) || TITLE_CASE_WORDS.test(term));
}
