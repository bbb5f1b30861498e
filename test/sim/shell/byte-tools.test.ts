// od, dd, base64 -w and fold as GNU coreutils 9.1 print them (each exact expected output below is
// what the real tool printed for the same input), on files, stdin and the endless devices.

import { beforeAll, describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import type { ClusterState } from '../../../worker/sim/state'
import { scenario, T0 } from './fixture'

let s: ClusterState
beforeAll(() => {
  s = scenario(7)
})
const sh = (line: string) => run(s, line, { now: T0 + 130_000, history: [] })

describe('od', () => {
  it.each([
    [
      "printf 'hello world\\n\\001\\377' | od -c",
      '0000000   h   e   l   l   o       w   o   r   l   d  \\n 001 377\n0000016\n',
    ],
    [
      "printf 'hello world, and more and more text' | od -x",
      '0000000 6568 6c6c 206f 6f77 6c72 2c64 6120 646e\n' +
        '0000020 6d20 726f 2065 6e61 2064 6f6d 6572 7420\n' +
        '0000040 7865 0074\n0000043\n',
    ],
    ["printf 'abcdefgh' | od -Ad -tu4", '0000000 1684234849 1751606885\n0000008\n'],
    ["printf 'abc' | od -td2", '0000000  25185     99\n0000003\n'],
    ["printf 'ab' | od -tx4", '0000000 00006261\n0000002\n'],
    [
      'head -c 48 /dev/zero | od',
      '0000000 000000 000000 000000 000000 000000 000000 000000 000000\n*\n0000060\n',
    ],
    ["printf '\\303\\251' | od -c", '0000000 303 251\n0000002\n'],
    ["printf 'xyz' | od -Ax -c -N 2", '000000   x   y\n000002\n'],
    ["printf '\\377\\377\\377\\377' | od -An -td4", '          -1\n'],
    [
      "printf 'abcdefghabcdefgh' | od -b -j 3 -N 9",
      '0000003 144 145 146 147 150 141 142 143 144\n0000014\n',
    ],
  ])('%s', (line, want) => {
    expect(sh(line)).toMatchObject({ stdout: want, stderr: '', exitCode: 0 })
  })

  it('od -An -N4 -tu4 /dev/urandom: one random 32-bit number, in each image', () => {
    for (const line of [
      'od -An -N4 -tu4 /dev/urandom',
      'kubectl exec access-pod -- od -An -N4 -tu4 /dev/urandom',
      'kubectl exec bb -- od -An -N4 -tu4 /dev/urandom',
    ]) {
      const r = sh(line)
      expect(r.stderr).toBe('')
      expect(r.stdout).toMatch(/^ [ \d]{10}\n$/)
    }
  })

  it('od reading an endless device without -N never gets to its last line', () => {
    const r = sh('od -c /dev/zero | head -3')
    expect(r.stdout).toBe(
      '0000000  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0\n*\n',
    )
    expect(r.stderr).toMatch(/^service-lab: input limit .* reached; the line was stopped\n$/)
  })

  it('a width that holds no whole value is refused with a warning, not a hang', () => {
    expect(sh('echo abc | od -w0')).toMatchObject({
      stdout: '0000000 061141\n0000002 005143\n0000004\n',
      stderr: 'od: warning: invalid width 0; using 2 instead\n',
    })
    expect(sh('echo abc | od -N x').stderr).toBe("od: invalid -N argument 'x'\n")
    expect(sh('echo abc | od -j 10').stderr).toBe('od: cannot skip past end of combined input\n')
  })

  it('an unknown type says so as GNU od does', () => {
    expect(sh('od -t q').stderr).toBe(
      "od: invalid character 'q' in type string 'q'\nTry 'od --help' for more information.\n",
    )
  })
})

describe('dd', () => {
  it('dd if=/dev/zero bs=1k count=1 2>/dev/null | wc -c', () => {
    expect(sh('dd if=/dev/zero bs=1k count=1 2>/dev/null | wc -c').stdout).toBe('1024\n')
    expect(sh('dd if=/dev/urandom bs=16 count=1 status=none | base64').stdout).toMatch(
      /^[A-Za-z0-9+/]{22}==\n$/,
    )
  })

  it("GNU's counts and transfer line (its duration modelled)", () => {
    expect(sh('dd if=/dev/zero bs=1k count=1 of=/dev/null').stderr).toMatch(
      /^1\+0 records in\n1\+0 records out\n1024 bytes \(1\.0 kB, 1\.0 KiB\) copied, [\d.e-]+ s, [\d.]+ MB\/s\n$/,
    )
    expect(sh('printf abcdef | dd bs=4 2>&1 >/dev/null').stdout).toMatch(
      /^1\+1 records in\n1\+1 records out\n6 bytes copied, /,
    )
    expect(sh('printf abcdef | dd bs=4 count=1 skip=1 2>/dev/null').stdout).toBe('ef')
    expect(sh('dd if=/dev/zero bs=1k count=2 status=noxfer of=/dev/null').stderr).toBe(
      '2+0 records in\n2+0 records out\n',
    )
  })

  it("busybox's transfer line and messages", () => {
    expect(sh('kubectl exec bb -- dd if=/dev/zero bs=1k count=1 of=/dev/null').stderr).toMatch(
      /^1\+0 records in\n1\+0 records out\n1024 bytes \(1\.0KB\) copied, \d\.\d{6} seconds, [\d.]+MB\/s\n$/,
    )
    expect(sh('kubectl exec bb -- dd if=/nope').stderr).toBe(
      "dd: can't open '/nope': No such file or directory\ncommand terminated with exit code 1\n",
    )
  })

  it('bad operands, as GNU dd words them in a UTF-8 locale', () => {
    expect(sh('dd bs=x').stderr).toBe('dd: invalid number: ‘x’\n')
    expect(sh('echo abc | dd bs=0').stderr).toBe('dd: invalid number: ‘0’\n')
    expect(sh('dd foo=1').stderr).toBe(
      "dd: unrecognized operand ‘foo=1’\nTry 'dd --help' for more information.\n",
    )
    expect(sh('dd if=/nope').stderr).toBe("dd: failed to open '/nope': No such file or directory\n")
  })

  it('without count= it reads an endless device for ever: the line is stopped', () => {
    expect(sh('dd if=/dev/zero of=/dev/null').stderr).toMatch(/^service-lab: input limit/)
  })
})

describe('base64 and fold', () => {
  it.each([
    ["printf 'abc' | base64 -w0", 'YWJj'],
    ["printf 'abcdefghijklmnop' | base64 -w 8", 'YWJjZGVm\nZ2hpamts\nbW5vcA==\n'],
    ['base64 --wrap=4 <<< hello', 'aGVs\nbG8K\n'],
    ["printf 'abcdefghij klmnop qrs\\nxy\\n' | fold -w 5", 'abcde\nfghij\n klmn\nop qr\ns\nxy\n'],
    ["printf 'abcdefghij klmnop qrs\\n' | fold -s -w 8", 'abcdefgh\nij \nklmnop \nqrs\n'],
  ])('%s', (line, want) => {
    expect(sh(line)).toMatchObject({ stdout: want, stderr: '', exitCode: 0 })
  })

  it('base64 reads a file operand, a device too', () => {
    expect(sh('base64 /etc/hostname').stdout).toBe('d29ya3N0YXRpb24K\n')
    expect(sh('base64 -w 0 /dev/urandom | head -c 20').stdout).toMatch(/^[A-Za-z0-9+/]{20}$/)
  })

  it('bad sizes, as GNU words them', () => {
    expect(sh('base64 -w x').stderr).toBe('base64: invalid wrap size: ‘x’\n')
    expect(sh('fold -w 0 <<< abc').stderr).toBe(
      'fold: invalid number of columns: ‘0’: Numerical result out of range\n',
    )
  })

  it('tr -dc a-zA-Z0-9 < /dev/urandom | fold -w 32 | head -n 1: a password', () => {
    for (const line of [
      'tr -dc a-zA-Z0-9 < /dev/urandom | fold -w 32 | head -n 1',
      "kubectl exec bb -- sh -c 'tr -dc a-zA-Z0-9 < /dev/urandom | fold -w 32 | head -n 1'",
      "kubectl exec access-pod -- sh -c 'tr -dc a-zA-Z0-9 < /dev/urandom | fold -w 32 | head -n 1'",
    ])
      expect(sh(line).stdout).toMatch(/^[A-Za-z0-9]{32}\n$/)
  })
})
