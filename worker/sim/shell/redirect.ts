// Redirections (XCU 2.7), applied left to right so `>/dev/null 2>&1` and `2>&1 >/dev/null`
// differ as in a real shell. Files live in a per-line map: there is no disk to write to.

import type { Redirect } from './ast'
import { ExpansionError, expandString } from './expand'
import { devNull, Input, OUTPUT_LIMIT, type Io, type Writer } from './io'
import type { Shell } from './interpreter'
import { own } from './own'
import { fileKey, lookupFile, resolvePath } from './fs-path'
import { readDevice } from './devices'

export type RedirectResult = { ok: true; io: Io } | { ok: false }

function fileWriter(sh: Shell, typed: string, append: boolean): Writer {
  const path = fileKey(own(sh.vars, 'PWD'), typed)
  // `>>` to a file the line has not written yet appends to the host's copy (/etc/hosts)
  if (!append) sh.files[path] = ''
  else if (own(sh.files, path) === undefined) sh.files[path] = own(sh.host.files, path) ?? ''
  return {
    write: (s) => {
      const cur = own(sh.files, path) ?? ''
      if (cur.length + s.length > OUTPUT_LIMIT) sh.budget.stopped = 'output'
      else sh.files[path] = cur + s
    },
  }
}

// writing to /dev/zero or /dev/urandom is accepted and discarded, as the kernel does
const DISCARDING = new Set(['/dev/null', '/dev/zero', '/dev/random', '/dev/urandom'])

function target(sh: Shell, path: string, append: boolean, io: Io): Writer {
  if (DISCARDING.has(path)) return devNull
  if (path === '/dev/stdout') return io.out
  if (path === '/dev/stderr') return io.err
  // the shell's controlling terminal, past any pipe (`echo note > /dev/tty | wc -l`)
  if (path === '/dev/tty' && sh.tty) return sh.tty.out
  return fileWriter(sh, path, append)
}

/** Reads a file for `<`: the line's own files first, then the host's (e.g. /etc/hosts in a pod). */
export function readFile(sh: Shell, path: string): string | undefined {
  if (path === '/dev/null') return ''
  return lookupFile(sh.files, sh.host, own(sh.vars, 'PWD'), path)
}

/** What `< path` reads: a device (endless for /dev/zero, /dev/urandom), or a file's text. */
function openInput(sh: Shell, path: string, io: Io): Input | undefined {
  const abs = resolvePath(own(sh.vars, 'PWD') ?? '/', path)
  if (abs === '/dev/stdin') return io.stdin
  const dev = abs.startsWith('/dev/') ? readDevice(sh.ctx.s, abs) : undefined
  if (dev) return new Input(dev.text, dev.endless)
  const text = readFile(sh, path)
  return text === undefined ? undefined : new Input(text)
}

/** The streams a command runs with after its redirections; errors are written and fail it. */
export function withRedirects(sh: Shell, redirects: Redirect[], io: Io): RedirectResult {
  if (redirects.length === 0) return { ok: true, io }
  const fds: Record<number, Writer> = { 1: io.out, 2: io.err }
  let stdin = io.stdin
  const x = sh.expander(io)
  try {
    for (const r of redirects) {
      if (r.op === '<<') {
        stdin = new Input(
          r.heredoc?.word ? expandString(x, r.heredoc.word) : (r.heredoc?.body ?? ''),
        )
        continue
      }
      const word = expandString(x, r.target)
      if (r.op === '<<<') stdin = new Input(word + '\n')
      else if (r.op === '<') {
        const next = openInput(sh, word, io)
        if (!next) {
          io.err.write(`${prefix(sh)}${word}: No such file or directory\n`)
          return { ok: false }
        }
        stdin = next
      } else if (r.op === '<&') continue
      else if (r.op === '>&' && /^\d+$/.test(word)) fds[r.fd] = fds[Number(word)] ?? devNull
      else if (r.op === '>&' && word === '-') fds[r.fd] = devNull
      else if (r.op === '&>' || r.op === '&>>' || r.op === '>&') {
        const w = target(sh, word, r.op === '&>>', io)
        fds[1] = w
        fds[2] = w
      } else
        fds[r.fd] = target(sh, word, r.op === '>>', {
          ...io,
          out: fds[1] ?? io.out,
          err: fds[2] ?? io.err,
        })
    }
  } catch (e) {
    if (!(e instanceof ExpansionError)) throw e
    io.err.write(e.message)
    return { ok: false }
  }
  return { ok: true, io: { stdin, out: fds[1] ?? devNull, err: fds[2] ?? devNull } }
}

function prefix(sh: Shell): string {
  if (sh.dialect === 'bash') return 'bash: '
  if (sh.dialect === 'bash-c') return 'bash: line 1: '
  if (sh.dialect === 'dash') return 'sh: 1: cannot open '
  return "sh: can't open "
}
