import { beforeAll, describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import type { ClusterState } from '../../../worker/sim/state'
import { scenario, T0 } from './fixture'

let s: ClusterState
let blueIP: string
beforeAll(() => {
  s = scenario(7)
  const svc = Object.values(s.objects).find(
    (o) => o.kind === 'Service' && o.metadata.name === 'my-blue-service',
  ) as unknown as { spec: { clusterIP: string } }
  blueIP = svc.spec.clusterIP
})
const sh = (line: string, state = s) => run(state, line, { now: T0 + 130_000, history: [] })
const METER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n'

describe('curl inside pods (kubectl exec)', () => {
  it('answers through the Service and records the request in the trace', () => {
    const r = sh('kubectl exec cc -- curl -s my-blue-service:8080')
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toMatch(/<title>(Magical Nginx|Welcome to nginx!)<\/title>/)
    expect(r.trace).toHaveLength(1)
    expect(r.trace[0]).toMatchObject({
      from: { kind: 'pod', name: 'cc' },
      request: 'GET http://my-blue-service:8080/',
      outcome: 'answered',
    })
  })
  it('prints the progress meter on stderr without -s (no TTY)', () => {
    const r = sh('kubectl exec cc -- curl my-blue-service:8080')
    expect(r.stderr.startsWith(METER)).toBe(true)
    expect(r.stderr).toMatch(
      /^100 {3}(267|612) {2}100 {3}(267|612) {4}0 {5}0 .* --:--:-- --:--:-- --:--:-- .*\n$/m,
    )
  })
  it('refused with no endpoints: exit 7, curl 8.11 wording', () => {
    const r = sh('kubectl exec cc -- curl -sS empty-svc')
    expect(r.stderr).toBe(
      'curl: (7) Failed to connect to empty-svc port 80 after 1 ms: Could not connect to server\ncommand terminated with exit code 7\n',
    )
    expect(r.exitCode).toBe(7)
  })
  it('-s alone hides the error, the exit code stays', () => {
    expect(sh('kubectl exec cc -- curl -s empty-svc')).toMatchObject({
      stderr: 'command terminated with exit code 7\n',
      exitCode: 7,
    })
  })
  it('unknown name: exit 6', () => {
    expect(sh('kubectl exec cc -- curl -sS nosuch').stderr).toBe(
      'curl: (6) Could not resolve host: nosuch\ncommand terminated with exit code 6\n',
    )
  })
  it('a port the Service does not define times out: -m and --connect-timeout wordings', () => {
    expect(sh('kubectl exec cc -- curl -sS -m 3 my-blue-service:9090').stderr).toBe(
      'curl: (28) Connection timed out after 3001 milliseconds\ncommand terminated with exit code 28\n',
    )
    expect(sh('kubectl exec cc -- curl -sS --connect-timeout 2 my-blue-service:9090').stderr).toBe(
      'curl: (28) Failed to connect to my-blue-service port 9090 after 2002 ms: Timeout was reached\ncommand terminated with exit code 28\n',
    )
    const meter = sh('kubectl exec cc -- curl --connect-timeout 2 my-blue-service:9090').stderr
    expect(meter).toContain(
      `${METER}  0     0    0     0    0     0      0      0 --:--:--  0:00:02 --:--:--     0\ncurl: (28)`,
    )
  })
  it('-w, -o /dev/null and -I', () => {
    expect(
      sh(
        'kubectl exec cc -- curl -s -o /dev/null -w "%{http_code} %{remote_ip}:%{remote_port}" my-blue-service:8080',
      ).stdout,
    ).toBe(`200 ${blueIP}:8080`)
    expect(sh('kubectl exec cc -- curl -sI my-blue-service:8080').stdout).toMatch(
      /^HTTP\/1\.1 200 OK\r\nServer: nginx\/1\.(13\.8|19\.10)\r\n[\s\S]*\r\n\r\n$/,
    )
    expect(sh('kubectl exec cc -- curl -s -w "%{http_code}" empty-svc').stdout).toBe('000')
  })
  it('-v shows the resolution, the connection and both headers', () => {
    const r = sh('kubectl exec cc -- curl -sv my-blue-service:8080')
    expect(r.stderr).toContain(
      `* Host my-blue-service:8080 was resolved.\n* IPv6: (none)\n* IPv4: ${blueIP}\n*   Trying ${blueIP}:8080...\n* Connected to my-blue-service (${blueIP}) port 8080\n> GET / HTTP/1.1\r\n> Host: my-blue-service:8080\r\n> User-Agent: curl/8.11.1\r\n> Accept: */*\r\n> \r\n* Request completely sent off\n< HTTP/1.1 200 OK\r\n`,
    )
    expect(r.stderr).toMatch(/\* Connection #0 to host my-blue-service left intact\n$/)
  })
  it('-f turns 404 into exit 22', () => {
    expect(sh('kubectl exec cc -- curl -sSf my-blue-service:8080/nope')).toMatchObject({
      stdout: '',
      exitCode: 22,
      stderr:
        'curl: (22) The requested URL returned error: 404\ncommand terminated with exit code 22\n',
    })
  })
  it('https: the API server needs -k, a plain HTTP pod fails the handshake', () => {
    expect(sh('kubectl exec cc -- curl -sk https://kubernetes/healthz').stdout).toBe('ok')
    expect(sh('kubectl exec cc -- curl -sS https://kubernetes/healthz').stderr).toMatch(
      /^curl: \(60\) SSL certificate problem: unable to get local issuer certificate\nMore details here: https:\/\/curl.se\/docs\/sslcerts.html\n/,
    )
    expect(sh('kubectl exec cc -- curl -sS https://my-blue-service:8080').stderr).toBe(
      'curl: (35) OpenSSL/3.3.2: error:0A00010B:SSL routines::wrong version number\ncommand terminated with exit code 35\n',
    )
  })
  it('bad usage: exit 2 with the help hint', () => {
    expect(sh('kubectl exec cc -- curl').stderr).toBe(
      "curl: try 'curl --help' or 'curl --manual' for more information\ncommand terminated with exit code 2\n",
    )
    expect(sh('kubectl exec cc -- curl --bogus x').stderr).toBe(
      "curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\ncommand terminated with exit code 2\n",
    )
    expect(sh('kubectl exec cc -- curl -sS http://web:99999').stderr).toBe(
      'curl: (3) URL rejected: Port number was not a decimal number between 0 and 65535\ncommand terminated with exit code 3\n',
    )
  })
})

describe('what the image has', () => {
  it('ubuntu has no curl: the containerd error, exit 1', () => {
    const r = sh('kubectl exec access-pod -- curl -s my-blue-service:8080')
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toMatch(
      /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in \$PATH: unknown\n$/,
    )
  })
  it('inside sh -c, dash and busybox say it their way', () => {
    expect(sh("kubectl exec access-pod -- sh -c 'curl x'")).toMatchObject({
      stderr: 'sh: 1: curl: not found\ncommand terminated with exit code 127\n',
      exitCode: 127,
    })
    expect(sh("kubectl exec bb -- sh -c 'curl x'").stderr).toBe(
      'sh: curl: not found\ncommand terminated with exit code 127\n',
    )
  })
  it('apt-get install needs apt-get update first; then curl 8.5 exists, until the pod is recreated', () => {
    expect(sh('kubectl exec access-pod -- apt-get install -y curl')).toMatchObject({
      stdout:
        'Reading package lists...\nBuilding dependency tree...\nReading state information...\n',
      stderr: 'E: Unable to locate package curl\ncommand terminated with exit code 100\n',
      exitCode: 100,
    })
    const updated = sh('kubectl exec access-pod -- apt-get update').state
    const installed = sh('kubectl exec access-pod -- apt-get install -y curl', updated)
    expect(installed.exitCode).toBe(0)
    expect(installed.stdout).toContain('Setting up curl (8.5.0-2ubuntu10.6) ...\n')
    const r = sh('kubectl exec access-pod -- curl -sS empty-svc', installed.state)
    expect(r.stderr).toBe(
      "curl: (7) Failed to connect to empty-svc port 80 after 1 ms: Couldn't connect to server\ncommand terminated with exit code 7\n",
    )
  })
  it('without -y apt-get asks and aborts (no TTY)', () => {
    const updated = sh('kubectl exec access-pod -- apt-get update').state
    const r = sh('kubectl exec access-pod -- apt-get install curl', updated)
    expect(r.stdout).toMatch(/Do you want to continue\? \[Y\/n\] Abort\.\n$/)
    expect(r.exitCode).toBe(1)
  })
})

describe('which and getent in ubuntu (debianutils, libc-bin)', () => {
  it('which prints nothing for a missing program and its path once apt-get installed it', () => {
    expect(sh('kubectl exec access-pod -- which curl')).toMatchObject({
      stdout: '',
      stderr: 'command terminated with exit code 1\n',
      exitCode: 1,
    })
    let state = sh('kubectl exec access-pod -- apt-get update').state
    state = sh('kubectl exec access-pod -- apt-get install -y curl', state).state
    expect(sh('kubectl exec access-pod -- which curl', state)).toMatchObject({
      stdout: '/usr/bin/curl\n',
      stderr: '',
      exitCode: 0,
    })
  })
  it('getent hosts resolves through the cluster DNS; an unknown name exits 2 silently', () => {
    expect(sh('kubectl exec access-pod -- getent hosts my-blue-service')).toMatchObject({
      stdout: `${blueIP.padEnd(15)} my-blue-service.default.svc.cluster.local\n`,
      exitCode: 0,
    })
    expect(sh('kubectl exec access-pod -- getent hosts nosuch')).toMatchObject({
      stdout: '',
      stderr: 'command terminated with exit code 2\n',
      exitCode: 2,
    })
  })
})

describe('the acceptance loop', () => {
  it('spreads 20 requests over both images once curl is installed', () => {
    let state = sh('kubectl exec access-pod -- apt-get update').state
    state = sh('kubectl exec access-pod -- apt-get install -y curl', state).state
    const r = sh(
      'for i in $(seq 1 20); do kubectl exec access-pod -- curl -s my-blue-service:8080; done | sort | uniq -c',
      state,
    )
    expect(r.exitCode).toBe(0)
    const magical = /^ +(\d+) <title>Magical Nginx<\/title>$/m.exec(r.stdout)
    const nginx = /^ +(\d+) <title>Welcome to nginx!<\/title>$/m.exec(r.stdout)
    expect(Number(magical?.[1]) + Number(nginx?.[1])).toBe(20)
    expect(Number(magical?.[1])).toBeGreaterThan(0)
    expect(Number(nginx?.[1])).toBeGreaterThan(0)
    expect(r.trace).toHaveLength(20)
  })
  it('substitutes the ClusterIP from kubectl; from the workstation it times out (exit 28)', () => {
    const r = sh("curl $(kubectl get svc my-blue-service -o jsonpath='{.spec.clusterIP}'):8080")
    expect(r.exitCode).toBe(28)
    expect(r.stderr).toMatch(
      new RegExp(
        `^curl: \\(28\\) Failed to connect to ${blueIP.replace(/\./g, '\\.')} port 8080 after 1[23]\\d{4} ms: Couldn't connect to server\\n$`,
      ),
    )
  })
})

describe('the workstation', () => {
  it('reaches a NodePort on a node IP; no meter when the body goes to the terminal', () => {
    const r = sh('curl 172.18.0.3:30080')
    expect(r).toMatchObject({ exitCode: 0, stderr: '' })
    expect(r.stdout).toMatch(/<title>/)
  })
  it('shows the meter when the body goes to a pipe or a file', () => {
    expect(sh('curl 172.18.0.3:30080 | head -1').stderr.startsWith(METER)).toBe(true)
    expect(sh('curl -o /dev/null -w "%{http_code}\\n" 172.18.0.3:30080')).toMatchObject({
      stdout: '200\n',
    })
  })
  it('has no cluster DNS', () => {
    expect(sh('curl -sS my-blue-service:8080').stderr).toBe(
      'curl: (6) Could not resolve host: my-blue-service\n',
    )
    expect(sh('nslookup my-blue-service')).toMatchObject({
      stdout:
        "Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\n** server can't find my-blue-service: NXDOMAIN\n\n",
      exitCode: 1,
    })
  })
  it('GNU wget', () => {
    const r = sh('wget 172.18.0.3:30081')
    expect(r.stderr).toBe(
      '--2026-11-26 06:02:10--  http://172.18.0.3:30081/\nConnecting to 172.18.0.3:30081... failed: Connection refused.\n',
    )
    expect(r.exitCode).toBe(4)
  })
})

describe('busybox tools', () => {
  it('nslookup tries every search domain, A then AAAA, and exits 1', () => {
    const r = sh('kubectl exec bb -- nslookup my-blue-service')
    expect(r.stdout).toBe(
      `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tmy-blue-service.default.svc.cluster.local\nAddress: ${blueIP}\n\n` +
        "** server can't find my-blue-service.svc.cluster.local: NXDOMAIN\n\n** server can't find my-blue-service.cluster.local: NXDOMAIN\n\n\n" +
        "** server can't find my-blue-service.svc.cluster.local: NXDOMAIN\n\n** server can't find my-blue-service.cluster.local: NXDOMAIN\n\n",
    )
    expect(r.exitCode).toBe(1)
  })
  it('nslookup of a dotted name does not search', () => {
    expect(sh('kubectl exec bb -- nslookup my-blue-service.default').stdout).toBe(
      "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find my-blue-service.default: NXDOMAIN\n\n** server can't find my-blue-service.default: NXDOMAIN\n\n",
    )
    expect(
      sh('kubectl exec bb -- nslookup my-blue-service.default.svc.cluster.local').exitCode,
    ).toBe(0)
  })
  it('wget -qO- and its errors', () => {
    expect(sh('kubectl exec bb -- wget -qO- my-blue-service:8080').stdout).toMatch(/<title>/)
    expect(sh('kubectl exec bb -- wget -O- empty-svc').stderr).toMatch(
      /^Connecting to empty-svc \(10\.\d+\.\d+\.\d+:80\)\nwget: can't connect to remote host \(10\.\d+\.\d+\.\d+\): Connection refused\ncommand terminated with exit code 1\n$/,
    )
    expect(sh('kubectl exec bb -- wget -q nosuch').stderr).toBe(
      "wget: bad address 'nosuch'\ncommand terminated with exit code 1\n",
    )
    expect(sh('kubectl exec bb -- wget -q -T 2 my-blue-service:9090').stderr).toBe(
      'wget: download timed out\ncommand terminated with exit code 1\n',
    )
    const saved = sh('kubectl exec bb -- wget my-blue-service:8080').stderr
    expect(saved).toMatch(
      /^Connecting to my-blue-service:8080 \(10\.\d+\.\d+\.\d+:8080\)\nsaving to 'index.html'\nindex.html {11}100% \|\*{32}\| {3}(267|612) {2}0:00:00 ETA\n'index.html' saved\n$/,
    )
  })
  it('ping: a ClusterIP never answers, a pod IP does', () => {
    const r = sh('kubectl exec bb -- ping -c 2 my-blue-service')
    expect(r.stdout).toBe(
      `PING my-blue-service (${blueIP}): 56 data bytes\n\n--- my-blue-service ping statistics ---\n2 packets transmitted, 0 packets received, 100% packet loss\n`,
    )
    expect(r.exitCode).toBe(1)
    expect(r.trace[0]?.cause).toBe('ping-clusterip')
  })
  it('files, env and hostname of the pod', () => {
    expect(sh('kubectl exec bb -- cat /etc/resolv.conf').stdout).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    )
    expect(sh('kubectl exec bb -- hostname').stdout).toBe('bb\n')
    const env = sh('kubectl exec bb -- env').stdout
    expect(env.split('\n').slice(0, 2)).toEqual([
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'HOSTNAME=bb',
    ])
    expect(env).toContain(
      `MY_BLUE_SERVICE_SERVICE_HOST=${blueIP}\nMY_BLUE_SERVICE_SERVICE_PORT=8080\n`,
    )
    expect(sh('kubectl exec bb -- sh -c "echo $HOSTNAME"').stdout).toBe('workstation\n')
    expect(sh("kubectl exec bb -- sh -c 'echo $HOSTNAME'").stdout).toBe('bb\n')
    expect(sh('kubectl exec bb -- cat /etc/os-release').stderr).toBe(
      "cat: can't open '/etc/os-release': No such file or directory\ncommand terminated with exit code 1\n",
    )
  })
})

describe('shells inside containers', () => {
  it('syntax errors and missing programs in dash, busybox ash and bash -c', () => {
    expect(sh("kubectl exec access-pod -- sh -c 'echo |'").stderr).toBe(
      'sh: 1: Syntax error: end of file unexpected\ncommand terminated with exit code 2\n',
    )
    expect(sh("kubectl exec access-pod -- sh -c '| x'").stderr).toBe(
      'sh: 1: Syntax error: "|" unexpected\ncommand terminated with exit code 2\n',
    )
    expect(sh("kubectl exec bb -- sh -c '| x'").stderr).toBe(
      'sh: syntax error: unexpected "|"\ncommand terminated with exit code 2\n',
    )
    expect(sh("kubectl exec access-pod -- bash -c 'nosuch'").stderr).toBe(
      'bash: line 1: nosuch: command not found\ncommand terminated with exit code 127\n',
    )
  })
  it('dash expands no braces and its echo interprets escapes; bash does the opposite', () => {
    expect(sh('kubectl exec access-pod -- sh -c \'echo {1..3} "a\\tb"\'').stdout).toBe(
      '{1..3} a\tb\n',
    )
    expect(sh('kubectl exec access-pod -- bash -c \'echo {1..3} "a\\tb"\'').stdout).toBe(
      '1 2 3 a\\tb\n',
    )
  })
  it('an interactive shell is not simulated: a hint, exit 0', () => {
    expect(sh('kubectl exec -it bb -- sh')).toMatchObject({
      stderr:
        "service-lab: interactive shells are not simulated; run one command at a time, e.g. kubectl exec bb -- sh -c 'cat /etc/resolv.conf'\n",
      exitCode: 0,
    })
  })
  it('a script on stdin with -i', () => {
    expect(sh("echo 'hostname; echo $((1+1))' | kubectl exec -i bb -- sh").stdout).toBe('bb\n2\n')
  })
  it('ls, hostname -i, ip addr', () => {
    expect(sh('kubectl exec bb -- ls /').stdout).toBe(
      'bin\ndev\netc\nhome\nlib\nlib64\nproc\nroot\nsys\ntmp\nusr\nvar\n',
    )
    const ip = sh('kubectl exec bb -- hostname -i').stdout.trim()
    expect(ip).toMatch(/^10\.244\.\d+\.\d+$/)
    expect(sh('kubectl exec bb -- ip addr').stdout).toContain(
      `    inet ${ip}/24 brd ${ip.replace(/\d+$/, '255')} scope global eth0\n`,
    )
  })
  it('ping without -c stops after 4 packets and says so', () => {
    const r = sh('kubectl exec bb -- ping my-blue-service')
    expect(r.stdout).toContain('4 packets transmitted, 0 packets received, 100% packet loss\n')
    expect(r.stderr).toBe(
      'service-lab: ping runs until you press Ctrl-C; this terminal stopped it after 4 packets (use -c N)\ncommand terminated with exit code 1\n',
    )
  })
})

describe('bind tools (netshoot)', () => {
  let state: ClusterState
  beforeAll(() => {
    const manifest =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ns\nspec:\n  containers:\n  - name: c\n    image: nicolaka/netshoot\n    command: ["sleep", "3600"]\n'
    state = run(s, 'kubectl apply -f -', { now: T0 + 130_000, stdin: manifest }).state
    state = run(state, 'true', { now: T0 + 240_000 }).state
  })
  const at = (line: string) => run(state, line, { now: T0 + 240_000 })
  it('nslookup stops at the first search domain that answers', () => {
    expect(at('kubectl exec ns -- nslookup my-blue-service')).toMatchObject({
      stdout: `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tmy-blue-service.default.svc.cluster.local\nAddress: ${blueIP}\n\n`,
      exitCode: 0,
    })
    expect(at('kubectl exec ns -- nslookup nosuch')).toMatchObject({
      stdout:
        "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find nosuch: NXDOMAIN\n\n",
      exitCode: 1,
    })
  })
  it('dig +short uses no search list; host does', () => {
    expect(at('kubectl exec ns -- dig +short my-blue-service').stdout).toBe('')
    expect(
      at('kubectl exec ns -- dig +short my-blue-service.default.svc.cluster.local').stdout,
    ).toBe(`${blueIP}\n`)
    expect(at('kubectl exec ns -- host my-blue-service').stdout).toBe(
      `my-blue-service.default.svc.cluster.local has address ${blueIP}\n`,
    )
    expect(at('kubectl exec ns -- host nosuch')).toMatchObject({
      stdout: 'Host nosuch not found: 3(NXDOMAIN)\n',
      exitCode: 1,
    })
  })
  it('records DNS lookups in the trace', () => {
    expect(at('kubectl exec ns -- nslookup my-blue-service').trace[0]).toMatchObject({
      request: 'nslookup my-blue-service',
      outcome: 'answered',
    })
  })
})

describe('curl versions of other images', () => {
  it('nginx:1.19 ships curl 7.64: the OS error and no time', () => {
    const r = sh(
      'kubectl exec $(kubectl get pods -o name | grep deployment-3) -- curl -sS empty-svc',
    )
    expect(r.stderr).toBe(
      'curl: (7) Failed to connect to empty-svc port 80: Connection refused\ncommand terminated with exit code 7\n',
    )
  })
  it('-V names the build', () => {
    expect(sh('curl -V').stdout.split('\n')[0]).toBe(
      'curl 8.5.0 (x86_64-pc-linux-gnu) libcurl/8.5.0 OpenSSL/3.0.13 zlib/1.3 brotli/1.1.0 zstd/1.5.5 libidn2/2.3.7 libpsl/0.21.2 (+libidn2/2.3.7) libssh/0.10.6/openssl/zlib nghttp2/1.59.0 librtmp/2.3 OpenLDAP/2.6.7',
    )
  })
})
