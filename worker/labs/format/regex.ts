// Regular expressions written by instructors run after every learner command, so a pattern that
// backtracks exponentially would stall a Worker. We refuse what cannot compile and the classic
// catastrophic shapes (a repeated group that itself holds a quantifier, `(a+)+`, or an
// alternation, `(a|aa)+`), and cap the length. A simplification: some safe patterns of those
// shapes are refused too.

const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}|](?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d+,\d*\})/

/** A sentence saying why `source` cannot be used, or undefined when it can. */
export function safeRegexSource(source: string): string | undefined {
  try {
    new RegExp(source)
  } catch (e) {
    return `Not a valid regular expression: ${(e as Error).message}.`
  }
  if (NESTED_QUANTIFIER.test(source))
    return 'A repeated group that itself repeats or holds alternatives (like (a+)+ or (a|aa)+) can take forever to match; write it without the nesting.'
  return undefined
}

const cache = new Map<string, RegExp>()

/** The compiled pattern (checked beforehand by the schema). */
export function compiled(source: string): RegExp {
  let re = cache.get(source)
  if (!re) {
    re = new RegExp(source)
    if (cache.size > 500) cache.clear()
    cache.set(source, re)
  }
  return re
}
