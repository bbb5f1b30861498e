// curl --resolve host:port:addr[,addr]... (lib/hostip.c Curl_loadhostpairs): the name is put in
// curl's DNS cache with that address, so curl connects there and still sends `Host: name` (and
// SNI) — how ingress tutorials reach a host rule without DNS. `+host:...` (not permanent) is read
// the same; `-host:port` removals and entries that do not parse are left out.

export interface ResolveEntry {
  /** as typed, for curl's `Added ... to DNS cache` line */
  text: string
  host: string
  port: number
  address: string
  permanent: boolean
}

/** The entries of every --resolve option that parse. */
export function parseResolve(list: string[]): ResolveEntry[] {
  const out: ResolveEntry[] = []
  for (const raw of list) {
    const permanent = !raw.startsWith('+')
    const text = permanent ? raw : raw.slice(1)
    const m = /^([^:]+):(\d+):(.+)$/.exec(text)
    if (!m || raw.startsWith('-')) continue
    const address = (m[3] as string).split(',')[0]?.replace(/^\[|\]$/g, '') ?? ''
    if (address === '') continue
    out.push({ text, host: (m[1] as string).toLowerCase(), port: Number(m[2]), address, permanent })
  }
  return out
}

/** The address --resolve pins `host:port` to (curl's cache is keyed by lower-case name and port). */
export function pinnedAddress(
  entries: ResolveEntry[],
  host: string,
  port: number,
): string | undefined {
  const want = host.toLowerCase()
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i] as ResolveEntry
    if ((e.host === want || e.host === '*') && e.port === port) return e.address
  }
  return undefined
}

/** What -v prints when the transfer starts, one line per entry. */
export function addedLines(entries: ResolveEntry[]): string[] {
  return entries.map((e) => `Added ${e.text} to DNS cache${e.permanent ? '' : ' (non-permanent)'}`)
}
