// Strings that changed between curl releases (curl/curl lib/connect.c, url.c, strerror.c,
// hostip.c): nginx images ship 7.64/7.74/7.88, Ubuntu 24.04 8.5.0, curlimages/curl 8.11.

export interface CurlFlavour {
  version: string
  /** `Failed to connect to web port 80 after 2 ms: Couldn't connect to server` */
  failedToConnect(
    host: string,
    port: number,
    ms: number,
    why: 'refused' | 'timeout' | 'kernel-timeout',
  ): string
  connected(host: string, ip: string, port: number): string
  trying(ip: string, port: number): string
  /** `Host x:80 was resolved.` + IPv6/IPv4 lines, from 8.5 */
  showsResolve: boolean
  /** `* Request completely sent off` after the request (lib/request.c, from 8.7) */
  saysSent: boolean
  /** the -v line when the TCP connect fails (`from <ip> port <n>` since 8.x) */
  connectFailed(ip: string, port: number, local: string, localPort: number, errno: string): string
  /** `Closing connection 0` before 8.0 */
  closing: string
  /** OpenSSL as linked, for TLS errors */
  openssl: string
}

function at(version: string): number {
  const [a = 0, b = 0, c = 0] = version.split('.').map(Number)
  return a * 10000 + b * 100 + c
}

/** The version-dependent strings of one curl release. */
export function curlFlavour(version: string): CurlFlavour {
  // kept: the same for every transfer of a version (and its closures cost to make, bundled)
  let kept = FLAVOURS.get(version)
  if (!kept) FLAVOURS.set(version, (kept = flavourOf(version)))
  return kept
}

const FLAVOURS = new Map<string, CurlFlavour>()

function flavourOf(version: string): CurlFlavour {
  const v = at(version)
  return {
    version,
    failedToConnect: (host, port, ms, why) => {
      // up to 7.80 the OS error and no time; 7.81-7.82 the time; later curl's own error text
      const os = why === 'refused' ? 'Connection refused' : 'Connection timed out'
      if (v < 78100) return `Failed to connect to ${host} port ${port}: ${os}`
      if (v < 78300) return `Failed to connect to ${host} port ${port} after ${ms} ms: ${os}`
      const reason =
        why === 'timeout'
          ? 'Timeout was reached'
          : v >= 80900
            ? 'Could not connect to server'
            : "Couldn't connect to server"
      return `Failed to connect to ${host} port ${port} after ${ms} ms: ${reason}`
    },
    connected: (host, ip, port) =>
      `Connected to ${host} (${ip}) port ${port}${v < 80100 ? ' (#0)' : ''}`,
    trying: (ip, port) => (v < 76900 ? `  Trying ${ip}...` : `  Trying ${ip}:${port}...`),
    showsResolve: v >= 80500,
    saysSent: v >= 80700,
    connectFailed: (ip, port, local, localPort, errno) =>
      v >= 80000
        ? `connect to ${ip} port ${port} from ${local} port ${localPort} failed: ${errno}`
        : `connect to ${ip} port ${port} failed: ${errno}`,
    closing: v >= 80000 ? 'Closing connection' : 'Closing connection 0',
    openssl:
      v >= 81100
        ? 'OpenSSL/3.3.2'
        : v >= 80500
          ? 'OpenSSL/3.0.13'
          : v >= 78800
            ? 'OpenSSL/3.0.15'
            : 'OpenSSL/1.1.1',
  }
}
