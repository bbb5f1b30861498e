// What one curl transfer writes, in curl's order: the progress meter, the -v trace (`*`, `>`, `<`,
// `{ [n bytes data]`), the body (or -o file) and the headers for -i/-I.

import { fileKey } from '../../fs-path'
import type { RouteResult } from '../../../net/types'
import type { Proc } from '../../host'
import type { CurlOptions } from './args'
import { PROGRESS_HEADER, progressLine } from './progress'
import type { TransferInfo } from './write-out'
import { utf8Length } from '../../../utf8'

export interface Transfer {
  /** with -i/-I, the status line and headers as printed (for -L's earlier responses) */
  headerText?: string
  stdout: string
  /** verbose and progress text, in order */
  stderr: string
  /** where in stderr the body (stdout) was written: the trace before it, the meter's end after */
  bodyAt?: number
  /** where in stderr the -v trace of the response headers (`< ...`) starts and ends */
  traceHeaders?: [number, number]
  error?: { code: number; message: string }
  info: TransferInfo
}

/** Collects one transfer's stdout and stderr in curl's order. */
export class Output {
  private err = ''

  constructor(
    private readonly o: CurlOptions,
    private readonly meter: boolean,
  ) {
    if (meter) this.err += PROGRESS_HEADER + progressLine(0, 0, 0)
  }

  info(...lines: string[]): void {
    for (const line of lines) this.err += `* ${line}\n`
  }

  request(method: string, path: string, headers: [string, string][], saysSent: boolean): void {
    this.err += `> ${method} ${path} HTTP/1.1\r\n`
    for (const [k, v] of headers) this.err += `> ${k}: ${v}\r\n`
    this.err += '> \r\n'
    const size = this.o.data === undefined ? 0 : utf8Length(this.o.data)
    if (this.o.data !== undefined) this.err += `} [${size} bytes data]\n`
    if (saysSent) {
      this.err +=
        size > 0
          ? `* upload completely sent off: ${size} bytes\n`
          : '* Request completely sent off\n'
    }
  }

  fail(code: number, message: string, info: TransferInfo, echo = this.o.verbose): Transfer {
    let err = this.err
    if (echo) err += `* ${message.split('\n')[0]}\n`
    if (this.meter) err = this.meterLine(err, progressLine(0, 0, info.timeMs)) + '\n'
    return { stdout: '', stderr: err, error: { code, message }, info }
  }

  /** The meter's last state: in place of the first line when nothing came between, else after. */
  private meterLine(err: string, line: string): string {
    const first = PROGRESS_HEADER + progressLine(0, 0, 0)
    if (err === first) return PROGRESS_HEADER + line
    return err + (err.endsWith('\n') ? '' : '\n') + line
  }

  answer(
    res: NonNullable<RouteResult['response']>,
    host: string,
    info: TransferInfo,
    p: Proc,
  ): Transfer {
    const o = this.o
    const statusLine = `HTTP/1.1 ${res.status} ${res.reason}`
    const headerText =
      [statusLine, ...res.headers.map(([k, v]) => `${k}: ${v}`)].map((l) => l + '\r\n').join('') +
      '\r\n'
    const head = info.method === 'HEAD'
    const body = head ? '' : res.body
    const length = Number(
      res.headers.find(([k]) => k.toLowerCase() === 'content-length')?.[1] ?? utf8Length(res.body),
    )
    Object.assign(info, {
      httpCode: res.status,
      headers: res.headers,
      sizeDownload: utf8Length(body),
      sizeHeader: headerText.length,
      contentType: res.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '',
    })
    const traceFrom = this.err.length
    if (o.verbose)
      this.err += headerText
        .split('\r\n')
        .slice(0, -1)
        .map((l) => `< ${l}\r\n`)
        .join('')
    const traceHeaders: [number, number] = [traceFrom, this.err.length]
    if ((o.fail || o.failWithBody) && res.status >= 400) {
      const t = this.fail(22, `The requested URL returned error: ${res.status}`, info)
      return o.failWithBody ? { ...t, stdout: this.store(body, p, info.url) } : t
    }
    // tool_cb_dbg.c: no `[n bytes data]` note when the data itself goes to the terminal
    if (o.verbose && body !== '' && !this.toTerminal(p))
      this.err += `{ [${info.sizeDownload} bytes data]\n`
    const bodyAt = this.meter ? this.meterStart() : this.err.length
    if (this.meter)
      this.err =
        this.meterLine(this.err, progressLine(length, head ? 0 : info.sizeDownload, info.timeMs)) +
        '\n'
    if (o.verbose) this.err += `* Connection #0 to host ${host} left intact\n`
    const content = (o.include || o.head ? headerText : '') + body
    const stdout = this.store(content, p, info.url)
    return { stdout, stderr: this.err, bodyAt, info, headerText, traceHeaders }
  }

  /** The body goes to a terminal (curl's isatty: stdout is one and no -o/-O). */
  private toTerminal(p: Proc): boolean {
    return p.tty.out && this.o.output === undefined && !this.o.remoteName
  }

  /** Where the meter's last line will start: after the header alone, or after what came since. */
  private meterStart(): number {
    const first = PROGRESS_HEADER + progressLine(0, 0, 0)
    if (this.err === first) return PROGRESS_HEADER.length
    return this.err.length + (this.err.endsWith('\n') ? 0 : 1)
  }

  private store(content: string, p: Proc, url: string): string {
    const target =
      this.o.output ??
      (this.o.remoteName
        ? url
            .replace(/[?#].*$/, '')
            .split('/')
            .pop() || 'index.html'
        : undefined)
    if (target === undefined || target === '-') return content
    if (target !== '/dev/null') p.files[fileKey(p.env.PWD, target)] = content
    return ''
  }
}
