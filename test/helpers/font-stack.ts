/** Reading a CSS font stack in tests: which region's CJK faces it names, in order. */
const REGION_FACES: Array<[region: string, face: RegExp]> = [
  ['SC', /\bSC$|YaHei|SimSun/],
  ['TC', /\bTC$|\bHK$|JhengHei|PMingLiU/],
  ['JP', /\bJP$|Hiragino|Yu Gothic|Yu Mincho|Meiryo/],
  ['KR', /\bKR$|Apple SD Gothic|Malgun|AppleMyungjo|Batang/],
];

/** The families of a stack, unquoted. */
export const families = (stack: string): string[] => stack.split(',').map((f) => f.trim().replace(/^"|"$/g, ''));

/** The region (SC, TC, JP, KR) of each CJK face in the stack, in order; Latin and generic families left out. */
export const cjkRegions = (stack: string): string[] =>
  families(stack).flatMap((f) => REGION_FACES.filter(([, face]) => face.test(f)).map(([region]) => region));
