// `-w FORMAT` (src/tool_writeout.c): %{variable}, %header{name}, \n \r \t escapes; unknown
// variables are reported on stderr and print nothing.

import { own } from '../../own'

export interface TransferInfo {
  httpCode: number
  exitCode: number
  errorMessage: string
  remoteIP: string
  remotePort: number
  localIP: string
  localPort: number
  timeMs: number
  sizeDownload: number
  sizeHeader: number
  url: string
  contentType: string
  method: string
  scheme: string
  redirects: number
  /** %{redirect_url}: where a 3xx would have led, when -L did not follow it */
  redirectUrl?: string
  headers: [string, string][]
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(6)
}

function variable(name: string, t: TransferInfo): string | undefined {
  const connect = t.remoteIP ? Math.max(0, t.timeMs - 1) : 0
  const values: Record<string, string> = {
    http_code: String(t.httpCode).padStart(3, '0'),
    response_code: String(t.httpCode).padStart(3, '0'),
    exitcode: String(t.exitCode),
    errormsg: t.errorMessage,
    remote_ip: t.remoteIP,
    remote_port: t.remoteIP ? String(t.remotePort) : '0',
    local_ip: t.remoteIP ? t.localIP : '',
    local_port: t.remoteIP ? String(t.localPort) : '0',
    time_total: seconds(t.timeMs),
    time_namelookup: seconds(Math.min(t.timeMs, 0.02)),
    time_connect: seconds(connect),
    time_appconnect: seconds(0),
    time_pretransfer: seconds(connect),
    time_starttransfer: seconds(t.httpCode ? t.timeMs : 0),
    time_redirect: seconds(0),
    size_download: String(t.sizeDownload),
    size_header: String(t.sizeHeader),
    size_request: '0',
    size_upload: '0',
    speed_download: String(t.timeMs > 0 ? Math.floor((t.sizeDownload * 1000) / t.timeMs) : 0),
    speed_upload: '0',
    url_effective: t.url,
    url: t.url,
    content_type: t.contentType,
    http_version: t.httpCode ? '1.1' : '0',
    method: t.method,
    scheme: t.scheme.toUpperCase(),
    num_connects: t.remoteIP ? '1' : '0',
    num_redirects: String(t.redirects),
    num_headers: String(t.headers.length),
    redirect_url: t.redirectUrl ?? '',
  }
  return own(values, name)
}

/** Expands the format; `stderr` collects complaints about unknown variables. */
export function writeOut(format: string, t: TransferInfo): { stdout: string; stderr: string } {
  let stdout = ''
  let stderr = ''
  for (let i = 0; i < format.length; i++) {
    const c = format[i] as string
    if (c === '\\' && i + 1 < format.length) {
      const n = format[++i] as string
      stdout +=
        n === 'n' ? '\n' : n === 'r' ? '\r' : n === 't' ? '\t' : n === '\\' ? '\\' : `\\${n}`
      continue
    }
    const m = c === '%' ? /^%(\{([^}]*)\}|header\{([^}]*)\}|%)/.exec(format.slice(i)) : null
    if (!m) {
      stdout += c
      continue
    }
    i += m[0].length - 1
    if (m[1] === '%') stdout += '%'
    else if (m[3] !== undefined) {
      const h = t.headers.find(([k]) => k.toLowerCase() === (m[3] as string).toLowerCase())
      stdout += h?.[1] ?? ''
    } else {
      const v = variable(m[2] as string, t)
      if (v === undefined) stderr += `curl: unknown --write-out variable: '${m[2]}'\n`
      else stdout += v
    }
  }
  return { stdout, stderr }
}
