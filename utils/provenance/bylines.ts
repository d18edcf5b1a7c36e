/**
 * Bylines that name the writer's outlet: 河南商报记者马俊峰/文 and 石佳/中国青年报. The story is the
 * outlet's own, so the outlet is what the page reprints and the person is its reporter.
 */
import type { Credit } from '../analysis-types';
import type { Line } from './text-zones';
import type { SourceHit } from './patterns';
import { namesIn } from './credits';
import { looksLikeOutlet, normalizeOutlet } from './outlet-names';

const NAMES = '[\\u4e00-\\u9fa5·]{2,4}(?:[、\\s][\\u4e00-\\u9fa5·]{2,4}){0,3}';
/**
 * 顶端新闻·河南商报记者马俊峰/文, 界面新闻记者 | 王小明, 北京日报客户端 | 记者 王小明: the outlet nearest
 * 记者 is the writer's; the names end the byline (not 记者 X 摄, a photo credit).
 */
const OUTLET_REPORTER = new RegExp(`^((?:[\\u4e00-\\u9fa5A-Za-z0-9]{2,12}[·・])*)([\\u4e00-\\u9fa5A-Za-z0-9]{2,12}?)\\s*[|｜丨]?\\s*(?:首席|特约|见习|实习)?记者\\s*[|｜丨:：]?\\s*(${NAMES})(?=\\s*[/／]\\s*文|$|\\s(?!\\s*摄))`);
/** 石佳/中国青年报: a meta line of one name and the writer's outlet. */
const NAME_OUTLET = /^([\u4e00-\u9fa5·]{2,4})\s*[/／]\s*([\u4e00-\u9fa5A-Za-z]{2,12})$/;

export interface BylineOutlet {
  hit: SourceHit;
  credits: Credit[];
}

function found(rawOutlet: string, names: string[], evidence: string, zone: Line['zone']): BylineOutlet | null {
  const outlet = normalizeOutlet(rawOutlet);
  if (names.length === 0 || !looksLikeOutlet(outlet)) return null;
  return {
    hit: { kind: 'reprint', outlet, date: null, evidence, zone },
    credits: names.map((name) => ({ role: 'reporter', name, evidence })),
  };
}

/** The outlet and reporters of a byline line; the caller passes only meta lines and the body's opening lines. */
export function bylineOutlet(line: Line): BylineOutlet | null {
  const reporter = OUTLET_REPORTER.exec(line.text);
  if (reporter) {
    const names = namesIn(reporter[3] ?? '', true);
    // 齐鲁晚报·齐鲁壹点记者 X: an app's name may not read as an outlet; the paper before it does.
    const outlets = [reporter[2] ?? '', ...(reporter[1] ?? '').split(/[·・]/).filter(Boolean).reverse()];
    for (const outlet of outlets) {
      const byline = found(outlet, names, reporter[0], line.zone);
      if (byline) return byline;
    }
    return null;
  }
  const named = line.zone === 'meta' ? NAME_OUTLET.exec(line.text) : null;
  return named ? found(named[2] ?? '', namesIn(named[1] ?? '', true), named[0], line.zone) : null;
}
