/** Small parts the Japanese and Korean readings share: a hit from a matched phrase, and credit labels by role. */
import type { CreditRole } from '../analysis-types';
import type { SourceHit } from './patterns';
import type { Line } from './text-zones';

/** A source phrase found on `line`, its evidence as printed. */
export function phraseHit(kind: SourceHit['kind'], outlet: string, evidence: string, line: Line, date: string | null = null): SourceHit {
  return { kind, outlet, date, evidence: evidence.trim(), zone: line.zone };
}

/** Credit labels by role: each entry's words (alternatives, `|`-joined) credit that role. */
export type CreditLabels = ReadonlyArray<readonly [words: string, role: CreditRole]>;

/** All the labels' words as one alternation, for a pattern to match any of them. */
export function labelWords(labels: CreditLabels): string {
  return labels.map(([words]) => words).join('|');
}

/** The role a matched label word credits (a label the table does not hold credits an author). */
export function roleOfLabel(labels: CreditLabels): (label: string) => CreditRole {
  const roles = new Map(labels.flatMap(([words, role]) => words.split('|').map((word) => [word, role] as const)));
  return (label) => roles.get(label) ?? 'author';
}
