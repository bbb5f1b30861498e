import { describe, expect, test } from 'vitest'
import { parseFlags, type FlagSpec } from '../../../worker/sim/kubectl/flags'
import { flagSpecs } from '../../../worker/sim/kubectl/help'
import { lab } from './helpers'
import { HAVE_KUBECTL, realKubectl } from './real-kubectl'

const SPECS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'replicas', type: 'int' },
  { name: 'tcp', type: 'stringSlice' },
  { name: 'env', type: 'stringArray' },
  { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' },
]

describe('pflag parsing', () => {
  const rows: [string[], Record<string, string[]>, string[], number?][] = [
    [['-n', 'x', 'po'], { namespace: ['x'] }, ['po']],
    [['-nx', 'po'], { namespace: ['x'] }, ['po']],
    [['--namespace=x'], { namespace: ['x'] }, []],
    [['--namespace', 'x', 'a'], { namespace: ['x'] }, ['a']],
    [['-oyaml'], { output: ['yaml'] }, []],
    [['-o=yaml'], { output: ['yaml'] }, []],
    [['-o', 'jsonpath={.a}'], { output: ['jsonpath={.a}'] }, []],
    [['-it', 'pod'], { stdin: ['true'], tty: ['true'] }, ['pod']],
    [['-itn', 'dev'], { stdin: ['true'], tty: ['true'], namespace: ['dev'] }, []],
    [['--tcp=80:8080,443', '--tcp', '9000'], { tcp: ['80:8080', '443', '9000'] }, []],
    [['--env=A=1,2', '--env', 'B=2'], { env: ['A=1,2', 'B=2'] }, []],
    [['--stdin=false'], { stdin: ['false'] }, []],
    [['--dry-run', 'client'], { 'dry-run': ['unchanged'] }, ['client']],
    [['--dry-run=client'], { 'dry-run': ['client'] }, []],
    [['pod', '--', 'ls', '-l', '--all'], {}, ['pod', 'ls', '-l', '--all'], 1],
    [['a', '-', 'b'], {}, ['a', '-', 'b']],
  ]
  test.each(rows)('%j', (argv, values, args, dash = -1) => {
    const r = parseFlags(argv, SPECS)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(Object.fromEntries(r.flags.values)).toEqual(values)
    expect(r.flags.args).toEqual(args)
    expect(r.flags.argsLenAtDash).toBe(dash)
  })

  const errors: [string[], string][] = [
    [['--foo'], 'unknown flag: --foo'],
    [['-z'], "unknown shorthand flag: 'z' in -z"],
    [['-iz'], "unknown shorthand flag: 'z' in -iz"],
    [['--namespace'], 'flag needs an argument: --namespace'],
    [['-n'], "flag needs an argument: 'n' in -n"],
    [
      ['--replicas=abc'],
      'invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax',
    ],
    [
      ['-i=maybe'],
      'invalid argument "maybe" for "-i, --stdin" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    ],
  ]
  test.each(errors)('%j fails', (argv, msg) => {
    expect(parseFlags(argv, SPECS)).toEqual({ ok: false, error: msg })
  })

  test('flag tables come from the real help texts', () => {
    const scale = flagSpecs('scale')
    expect(scale).toContainEqual({ name: 'replicas', type: 'int' })
    expect(scale).toContainEqual({ name: 'selector', short: 'l', type: 'string' })
    expect(flagSpecs('run')).toContainEqual({ name: 'env', type: 'stringArray' })
    expect(flagSpecs('create deployment')).toContainEqual({ name: 'image', type: 'stringSlice' })
  })
})

describe('command lookup and cobra errors', () => {
  const cases: [string, string][] = [
    ['get --foo', "Error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n"],
    ['get -z', "Error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n"],
    ['-n x get po --foo', "Error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n"],
    ['get -n', "Error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n"],
    ['foo', 'Error: unknown command "foo" for "kubectl"\n\nDid you mean this?\n\ttop\n\n'],
    [
      'des',
      'Error: unknown command "des" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n\tdescribe\n\n',
    ],
    ['gte', 'Error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n\n'],
    ['xyzzy', 'Error: unknown command "xyzzy" for "kubectl"\n'],
    [
      'scale deploy x --replicas=abc',
      'Error: invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee \'kubectl scale --help\' for usage.\n',
    ],
    [
      'create deployment x --image=nginx --bogus',
      "Error: unknown flag: --bogus\nSee 'kubectl create deployment --help' for usage.\n",
    ],
    [
      'rollout foo',
      'error: unknown command "foo"\nSee \'kubectl rollout -h\' for help and examples\n',
    ],
    [
      'config foo',
      'error: unknown command "foo"\nSee \'kubectl config -h\' for help and examples\n',
    ],
    [
      'create foo',
      "error: Unexpected args: [foo]\nSee 'kubectl create -h' for help and examples\n",
    ],
    ['create', 'error: must specify one of -f and -k\n'],
    ['apply', 'error: must specify one of -f and -k\n'],
    ['apply -f x.yaml', 'error: the path "x.yaml" does not exist\n'],
    ['create -f x.yaml', 'error: the path "x.yaml" does not exist\n'],
    ['exec', 'error: pod, type/name or --filename must be specified\n'],
    [
      'logs',
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
    ],
    [
      'port-forward',
      "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n",
    ],
    [
      'label',
      'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n',
    ],
    [
      'annotate',
      'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n',
    ],
    ['rollout status', 'error: required resource not specified\n'],
    [
      'explain',
      'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n',
    ],
    [
      'create service nodeport',
      "error: exactly one NAME is required, got 0\nSee 'kubectl create service nodeport -h' for help and examples\n",
    ],
    [
      'delete',
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    ],
    [
      'expose',
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    ],
    [
      'set image',
      'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n',
    ],
    [
      'create deployment web --image=nginx --dry-run=foo',
      'error: Invalid dry-run value (foo). Must be "none", "server", or "client".\n',
    ],
    [
      // a name every JavaScript object has is not a boolean to Go (it ran as --dry-run=client)
      'create deployment web --image=nginx --dry-run=constructor',
      'error: Invalid dry-run value (constructor). Must be "none", "server", or "client".\n',
    ],
    [
      'create deployment web --image=nginx --dry-run=client -o foo',
      'error: unable to match a printer suitable for the output format "foo", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    ],
  ]
  test.each(cases)('kubectl %s', (line, stderr) => {
    const r = lab().k(line)
    expect(r).toEqual({ stdout: '', stderr, exitCode: 1 })
  })

  test.skipIf(!HAVE_KUBECTL)(
    'the same bytes as the real kubectl (offline cases; skipped without it)',
    () => {
      const offline = cases.filter(
        ([l]) =>
          !/^(set image|label|annotate|logs|exec|port-forward|rollout status|explain)/.test(l),
      )
      for (const [line] of offline) {
        const real = realKubectl(line.split(' '))
        const ours = lab().k(line)
        expect({ line, ...ours }).toEqual({ line, ...real })
      }
    },
  )

  test('required flags fail through klog, as kubectl 1.32 does', () => {
    const r = lab().k('scale deploy web')
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(
      /^E1126 06:01:00\.\d{6} {1,7}\d+ run\.go:72\] "command failed" err="required flag\(s\) \\"replicas\\" not set"\n$/,
    )
    expect(lab().k('create deployment web').stderr).toContain(
      'err="required flag(s) \\"image\\" not set"',
    )
  })

  test('help: kubectl alone, --help, -h and help groups', () => {
    const { k } = lab()
    const root = k('')
    expect(root.exitCode).toBe(0)
    expect(root.stdout).toMatch(/^kubectl controls the Kubernetes cluster manager\.\n/)
    expect(root.stdout).not.toContain('Subcommands provided by plugins')
    expect(k('--help').stdout).toBe(root.stdout)
    const scale = k('scale --help')
    expect(scale.exitCode).toBe(0)
    expect(scale.stdout).toContain(
      'Usage:\n  kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]\n',
    )
    expect(k('get po -h').stdout).toMatch(/^Display one or many resources\./)
    const svc = k('create service')
    expect(svc).toMatchObject({ stdout: '', exitCode: 1 })
    expect(svc.stderr).toMatch(/^Create a service using a specified subcommand\./)
    const rollout = k('rollout')
    expect(rollout).toMatchObject({ stderr: '', exitCode: 1 })
    expect(rollout.stdout).toMatch(/^Manage the rollout of one or many resources\./)
  })

  test.skipIf(!HAVE_KUBECTL)(
    'help texts equal the real ones (skipped without the real kubectl)',
    () => {
      for (const line of [
        'scale --help',
        'expose --help',
        'create service nodeport --help',
        'rollout',
        'create service',
        'set',
      ]) {
        const real = realKubectl(line.split(' '))
        expect(lab().k(line)).toEqual(real)
      }
    },
  )

  test('unsupported verbs say so', () => {
    const r = lab().k('drain lab-worker')
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toBe(
      'error: "kubectl drain" is not available in this lab terminal. It supports the commands a Services course needs; type "kubectl --help" or "help" to see them.\n',
    )
  })

  test('get --raw answers the path, instead of asking for a resource type', () => {
    const r = lab().k('get --raw /api/v1/namespaces/default/services')
    expect(r).toMatchObject({ exitCode: 0, stderr: '' })
    expect(JSON.parse(r.stdout).kind).toBe('ServiceList')
  })
})

describe('kubectl help', () => {
  test('help [command] prints that help; unknown topics go to stderr with the usage', () => {
    const { k } = lab()
    expect(k('help').stdout).toBe(k('--help').stdout)
    expect(k('help get').stdout).toBe(k('get --help').stdout)
    expect(k('help create service').stdout).toBe(k('create service --help').stdout)
    const r = k('help foo')
    expect(r.exitCode).toBe(0)
    expect(r.stderr).toMatch(/^Unknown help topic \[`foo`\]\n\n\nBasic Commands \(Beginner\):\n/)
  })
})
