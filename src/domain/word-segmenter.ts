let segmenter: Intl.Segmenter | undefined;

/**
 * The one Chinese word segmenter of the process, created on first use rather than at import (most
 * commands never segment anything; creating one loads ICU's word break data).
 */
export function wordSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
}
