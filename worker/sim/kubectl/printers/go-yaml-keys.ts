// The order go-yaml v2 writes map keys in (sorter.go keyList.Less): not plain byte order, so
// `a10` follows `a9` and `_x` sorts before letters.

/** go-yaml v2 sorter.go keyList.Less for string keys: letters after non-letters, digit runs by value. */
export function yamlKeyCompare(a: string, b: string): number {
  if (a === b) return 0
  return yamlKeyLess(a, b) ? -1 : 1
}

function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a]
  const br = [...b]
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const x = ar[i] as string
    const y = br[i] as string
    if (x === y) continue
    const al = /\p{L}/u.test(x)
    const bl = /\p{L}/u.test(y)
    if (al && bl) return cp(x) < cp(y)
    if (al || bl) return bl
    let an = 0
    let bn = 0
    if (x === '0' || y === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1
          bn = 1
          break
        }
      }
    }
    let ai = i
    let bi = i
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + (cp(ar[ai] as string) - 48)
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + (cp(br[bi] as string) - 48)
    if (an !== bn) return an < bn
    if (ai !== bi) return ai < bi
    return cp(x) < cp(y)
  }
  return ar.length < br.length
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Nd}/u.test(ch)
}

function cp(ch: string): number {
  return ch.codePointAt(0) ?? 0
}
