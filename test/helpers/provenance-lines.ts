/** Provenance written as one line per entry, as unit tests and page cases state it. */
import type { Credit, Source } from '../../utils/analysis-types';

/** A chain entry: `reported-by 中央社 <- 晨光新聞網 @2024-03-05`, `-` for a null. */
export const sourceLine = (s: Source): string => `${s.role} ${s.outlet} <- ${s.via ?? '-'} @${s.date ?? '-'}`;
export const creditLine = (c: Credit): string => `${c.role} ${c.name}`;

/** The chain after the publisher. */
export const chainLines = (p: { sources: Source[] }): string[] => p.sources.filter((s) => s.role !== 'publisher').map(sourceLine);
export const creditLines = (p: { credits: Credit[] }): string[] => p.credits.map(creditLine);
