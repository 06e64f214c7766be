/** Test helpers: the notations a number can be written in. Not used by the engine. */

const DIGITS = '零一二三四五六七八九';
const SMALL_UNITS = ['', '十', '百', '千'];

/** 0 < n < 10000, with 零 for gaps (一百零五, 一千零一十). */
function section(n: number): string {
  let out = '';
  let gap = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) {
      if (out !== '') gap = true;
      continue;
    }
    if (gap) out += '零';
    gap = false;
    out += DIGITS[d]! + SMALL_UNITS[i]!;
  }
  return out;
}

/** An integer in standard Chinese numerals: 105 -> 一百零五, 10500 -> 一万零五百, 100000 -> 十万. */
export function toChineseNumeral(n: number, useLiang = false): string {
  if (n === 0) return '零';
  const yi = Math.floor(n / 1e8);
  const wan = Math.floor(n / 1e4) % 1e4;
  const rest = n % 1e4;
  let out = '';
  if (yi > 0) out += `${section(yi)}亿`;
  if (wan > 0) out += `${out !== '' && wan < 1000 ? '零' : ''}${section(wan)}万`;
  if (rest > 0) out += `${out !== '' && rest < 1000 ? '零' : ''}${section(rest)}`;
  if (out.startsWith('一十')) out = out.slice(1);
  // 两 is the spoken 2 before 百/千/万/亿: 两百, 两千, 两万.
  return useLiang ? out.replace(/二(?=[百千万亿])/g, '两') : out;
}

export function toFullWidth(s: string): string {
  return s.replace(/[0-9,.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

export function withCommas(n: number): string {
  return n.toLocaleString('en-US');
}

const EN_SMALL = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** An integer below a million in English words: 125 -> one hundred and twenty-five. */
export function toEnglishWords(n: number): string {
  const below100 = (x: number): string =>
    x < 20 ? EN_SMALL[x]! : `${EN_TENS[Math.floor(x / 10)]!}${x % 10 ? `-${EN_SMALL[x % 10]!}` : ''}`;
  const below1000 = (x: number): string => {
    const h = Math.floor(x / 100);
    const r = x % 100;
    if (h === 0) return below100(r);
    return `${EN_SMALL[h]!} hundred${r ? ` and ${below100(r)}` : ''}`;
  };
  const th = Math.floor(n / 1000);
  const r = n % 1000;
  if (th === 0) return below1000(r);
  return `${below1000(th)} thousand${r ? ` ${r < 100 ? 'and ' : ''}${below1000(r)}` : ''}`;
}
