// Boolean query parameters read as the apiserver reads them (apimachinery runtime/conversion.go
// Convert_Slice_string_To_bool), for watch, exec/attach and log options alike.
import { describe, expect, it } from 'vitest'
import { queryFlag } from '../../../worker/kube-api/list-options'
import { readExecRequest } from '../../../worker/kube-api/exec/exec-request'
import { readLogQuery } from '../../../worker/kube-api/logs/serve-logs'
import { isWatchRequest, readWatchSpec } from '../../../worker/kube-api/watch/spec'

const rows: [string | null, boolean][] = [
  [null, false],
  ['0', false],
  ['false', false],
  ['False', false],
  ['FALSE', false],
  ['true', true],
  ['1', true],
  ['t', true],
  ['yes', true],
  ['', true],
]

describe('a boolean query parameter', () => {
  it.each(rows)('%j reads as %s', (value, want) => {
    expect(queryFlag(value)).toBe(want)
    const q = new URLSearchParams(value === null ? '' : { watch: value, sendInitialEvents: value })
    expect(isWatchRequest(q)).toBe(want)
    const spec = readWatchSpec('Pod', 'default', q, undefined)
    expect(spec.ok && spec.spec.sendInitialEvents).toBe(want)
  })

  it('reads exec options the same way', () => {
    const q = new URLSearchParams('command=ls&stdout=yes&stderr=0&tty=False&stdin=')
    expect(readExecRequest('exec', 'default', 'web', q)).toMatchObject({
      stdout: true,
      stderr: false,
      tty: false,
      stdin: true,
    })
  })

  it('reads log options the same way', () => {
    const url = (query: string) => `https://k/api/v1/namespaces/default/pods/web/log?${query}`
    expect(readLogQuery(url('follow=True&previous=&timestamps=0'))).toMatchObject({
      follow: true,
      previous: true,
      timestamps: false,
    })
    expect(readLogQuery(url('follow=&previous=t&timestamps=yes'))).toMatchObject({
      follow: true,
      previous: true,
      timestamps: true,
    })
    expect(() => readLogQuery(url('follow=1&tailLines=x'))).toThrow(
      'invalid log options: tailLines',
    )
  })
})
