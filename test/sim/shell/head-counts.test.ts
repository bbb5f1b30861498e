// Counts with suffixes: GNU head/tail (coreutils xdectoumax "bkKmMGTPEZYRQ0") take b, K/k, M/m,
// G... with an optional B (powers of 1000) or iB; busybox takes only b, k and m.
import { describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import { scenario, T0 } from './fixture'

const s = scenario(7)
const sh = (line: string) => run(s, line, { now: T0 + 130_000 })

describe('head -c with a suffix', () => {
  it.each([
    ['1kB', 1000],
    ['1KB', 1000],
    ['1K', 1024],
    ['1k', 1024],
    ['1KiB', 1024],
    ['2b', 1024],
  ])('GNU head -c %s is %d bytes', (spec, bytes) => {
    expect(sh(`head -c ${spec} /dev/zero | wc -c`).stdout).toBe(`${bytes}\n`)
  })

  it('GNU takes M, m, MB and MiB too (more than the file: all of it)', () => {
    for (const spec of ['1M', '1m', '1mB', '1MiB', '1GB'])
      expect(sh(`head -c ${spec} /etc/hostname`)).toMatchObject({
        stdout: 'workstation\n',
        exitCode: 0,
      })
  })

  it('GNU refuses B alone and lower-case g', () => {
    for (const spec of ['1B', '1g', '1kb'])
      expect(sh(`head -c ${spec} /dev/zero`)).toMatchObject({
        stderr: `head: invalid number of bytes: ‘${spec}’\n`,
        exitCode: 1,
      })
  })

  it('busybox takes b, k and m, and says invalid number for the rest', () => {
    expect(sh(`kubectl exec bb -- sh -c 'head -c 1k /dev/zero | wc -c'`).stdout).toBe('1024\n')
    expect(sh(`kubectl exec bb -- sh -c 'head -c 2b /dev/zero | wc -c'`).stdout).toBe('1024\n')
    const r = sh(`kubectl exec bb -- head -c 1kB /dev/zero`)
    expect(r.stderr).toBe("head: invalid number '1kB'\ncommand terminated with exit code 1\n")
    expect(sh(`kubectl exec bb -- tail -n 1K /etc/hostname`).stderr).toBe(
      "tail: invalid number '1K'\ncommand terminated with exit code 1\n",
    )
  })
})
