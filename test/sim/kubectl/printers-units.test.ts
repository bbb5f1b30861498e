// Unit tables for kubectl's printer building blocks: AGE, the tabwriter, pod STATUS/READY/RESTARTS,
// JSONPath, custom columns and selectors, each with the exact text kubectl 1.32 prints.

import { describe, expect, it } from 'vitest'
import { humanDuration } from '../../../worker/sim/kubectl/printers/duration'
import { printTable, tabwrite } from '../../../worker/sim/kubectl/printers/table'
import { podStatusCells } from '../../../worker/sim/kubectl/printers/pod-row'
import { printJsonPath } from '../../../worker/sim/kubectl/printers/jsonpath'
import { printCustomColumns } from '../../../worker/sim/kubectl/printers/custom-columns'
import {
  parseLabelSelector,
  matchesRequirements,
} from '../../../worker/sim/kubectl/printers/label-selector'
import type { Pod } from '../../../worker/sim/objects/types'

const NOW = Date.parse('2026-11-26T08:00:00Z')
const ago = (s: number) => new Date(NOW - s * 1000).toISOString().replace('.000Z', 'Z')

describe('humanDuration (apimachinery HumanDuration)', () => {
  const cases: [number, string][] = [
    [-5, '<invalid>'],
    [-1, '0s'],
    [0, '0s'],
    [59, '59s'],
    [119, '119s'],
    [120, '2m'],
    [150, '2m30s'],
    [599, '9m59s'],
    [600, '10m'],
    [3 * 3600 - 1, '179m'],
    [3 * 3600, '3h'],
    [3 * 3600 + 120, '3h2m'],
    [8 * 3600, '8h'],
    [47 * 3600 + 3599, '47h'],
    [48 * 3600, '2d'],
    [50 * 3600, '2d2h'],
    [8 * 86400, '8d'],
    [729 * 86400, '729d'],
    [730 * 86400, '2y'],
    [800 * 86400, '2y70d'],
    [8 * 365 * 86400, '8y'],
  ]
  for (const [s, want] of cases)
    it(`${s}s -> ${want}`, () => expect(humanDuration(s * 1000)).toBe(want))
})

describe('tabwriter', () => {
  it('pads every cell but the last to max(6, widest + 3)', () => {
    expect(
      printTable([
        ['NAME', 'AGE'],
        ['a', '5s'],
      ]),
    ).toBe('NAME   AGE\na      5s\n')
  })
  it('pads a tab-terminated cell even when the rest of the line is empty (describe Endpoints:)', () => {
    expect(tabwrite('Name:\tweb\nEndpoints:\t\n', 0, 2)).toBe('Name:       web\nEndpoints:  \n')
  })
  it('aligns each block of consecutive lines with a cell separately', () => {
    expect(tabwrite('IPs:\n  IP:\t10.0.0.1\nControlled By:\tx\nLong label here:\ty\n', 0, 2)).toBe(
      'IPs:\n  IP:             10.0.0.1\nControlled By:    x\nLong label here:  y\n',
    )
    expect(tabwrite('a:\t1\nno tabs\nlonger:\t2\n', 0, 2)).toBe('a:  1\nno tabs\nlonger:  2\n')
  })
})

function pod(
  status: Partial<Pod['status']>,
  extra: Partial<Pod['metadata']> = {},
  initContainers?: unknown[],
): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'p',
      namespace: 'default',
      uid: 'u',
      resourceVersion: '1',
      creationTimestamp: ago(60),
      ...extra,
    },
    spec: {
      containers: [{ name: 'c', image: 'busybox' }],
      ...(initContainers ? { initContainers } : {}),
    },
    status: { phase: 'Running', ...status },
  } as Pod
}

const cs = (state: object, o: { ready?: boolean; restarts?: number; last?: object } = {}) => ({
  name: 'c',
  image: 'busybox',
  imageID: '',
  ready: o.ready ?? false,
  restartCount: o.restarts ?? 0,
  state,
  lastState: o.last ?? {},
})

describe('pod READY / STATUS / RESTARTS (printers.go printPod)', () => {
  it('Running and ready', () => {
    expect(
      podStatusCells(
        pod({ containerStatuses: [cs({ running: { startedAt: ago(50) } }, { ready: true })] }),
        NOW,
      ),
    ).toEqual({ ready: '1/1', status: 'Running', restarts: '0' })
  })
  it('CrashLoopBackOff with the last restart age', () => {
    const p = pod({
      containerStatuses: [
        cs(
          { waiting: { reason: 'CrashLoopBackOff' } },
          {
            restarts: 3,
            last: { terminated: { exitCode: 0, reason: 'Completed', finishedAt: ago(12) } },
          },
        ),
      ],
    })
    expect(podStatusCells(p, NOW)).toEqual({
      ready: '0/1',
      status: 'CrashLoopBackOff',
      restarts: '3 (12s ago)',
    })
  })
  it('Completed when the container terminated with a reason', () => {
    const p = pod({
      phase: 'Succeeded',
      containerStatuses: [cs({ terminated: { exitCode: 0, reason: 'Completed' } })],
    })
    expect(podStatusCells(p, NOW).status).toBe('Completed')
  })
  it('ExitCode:N without a reason', () => {
    const p = pod({
      phase: 'Failed',
      containerStatuses: [cs({ terminated: { exitCode: 137, reason: '' } })],
    })
    expect(podStatusCells(p, NOW).status).toBe('ExitCode:137')
  })
  it('Terminating when deletionTimestamp is set and the phase is not terminal', () => {
    const p = pod(
      { containerStatuses: [cs({ running: { startedAt: ago(50) } }, { ready: true })] },
      { deletionTimestamp: ago(-30) },
    )
    expect(podStatusCells(p, NOW).status).toBe('Terminating')
  })
  it('Pending phase without statuses; ContainerCreating from the waiting reason', () => {
    expect(podStatusCells(pod({ phase: 'Pending' }), NOW)).toEqual({
      ready: '0/1',
      status: 'Pending',
      restarts: '0',
    })
    expect(
      podStatusCells(
        pod({
          phase: 'Pending',
          containerStatuses: [cs({ waiting: { reason: 'ContainerCreating' } })],
        }),
        NOW,
      ).status,
    ).toBe('ContainerCreating')
  })
  it('Init:0/1 while an init container runs, Init:Error when it failed', () => {
    const init = [{ name: 'i', image: 'busybox' }]
    const running = pod(
      {
        phase: 'Pending',
        initContainerStatuses: [{ ...cs({ running: { startedAt: ago(5) } }), name: 'i' }],
      },
      {},
      init,
    )
    expect(podStatusCells(running, NOW).status).toBe('Init:0/1')
    const failed = pod(
      {
        phase: 'Pending',
        initContainerStatuses: [
          { ...cs({ terminated: { exitCode: 1, reason: 'Error' } }), name: 'i' },
        ],
      },
      {},
      init,
    )
    expect(podStatusCells(failed, NOW).status).toBe('Init:Error')
  })
})

const LIST = {
  apiVersion: 'v1',
  kind: 'List',
  metadata: { resourceVersion: '' },
  items: [
    {
      metadata: { name: 'a', labels: { app: 'web' } },
      status: {
        podIP: '10.244.1.5',
        addresses: [
          { type: 'InternalIP', address: '172.18.0.2' },
          { type: 'Hostname', address: 'n1' },
        ],
      },
      spec: { ports: [{ port: 80 }, { port: 443 }] },
    },
    { metadata: { name: 'b' }, status: { podIP: '10.244.2.3' }, spec: { ports: [] } },
  ],
}
const jp = (t: string, data: unknown = LIST, allowMissingKeys = true) =>
  printJsonPath(t, data, { allowMissingKeys, asJson: false })

describe('jsonpath (client-go util/jsonpath)', () => {
  const cases: [string, string][] = [
    ['{.items[*].status.podIP}', '10.244.1.5 10.244.2.3'],
    ['{.items[0].metadata.name}', 'a'],
    ['{.items[-1].metadata.name}', 'b'],
    ['{range .items[*]}{.metadata.name}{"\\n"}{end}', 'a\nb\n'],
    ['{range .items[*]}[{.metadata.name}]{end}', '[a][b]'],
    ['{.items[0].status.addresses[?(@.type=="InternalIP")].address}', '172.18.0.2'],
    ['{.items[0].spec.ports[*].port}', '80 443'],
    ['{.items[0].metadata.labels}', '{"app":"web"}'],
    ['{.items[0].spec.ports[0]}', '{"port":80}'],
    ['{.items[*].metadata.labels.app}', 'web'],
    ['{.kind}/{.apiVersion}', 'List/v1'],
    ['{.items[0].spec.foo}', ''],
    ['name: {.items[1].metadata.name}', 'name: b'],
    ["{.items[0].metadata['name']}", 'a'],
  ]
  for (const [t, want] of cases) it(t, () => expect(jp(t)).toEqual({ stdout: want }))

  it('index out of range prints the debugging dump', () => {
    const r = jp('{.items[5].metadata.name}', { kind: 'List', items: [] })
    expect(r).toEqual({
      error:
        'error: error executing jsonpath "{.items[5].metadata.name}": Error executing template: array index out of bounds: index 5, length 0. Printing more information for debugging the template:\n' +
        '\ttemplate was:\n\t\t{.items[5].metadata.name}\n' +
        '\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"items":[]interface {}{}, "kind":"List"}\n\n\n',
    })
  })
  it('missing keys are an error only with --allow-missing-template-keys=false', () => {
    const r = jp('{.spec.foo}', { spec: { replicas: 1 } }, false)
    expect('error' in r && r.error.split('\n')[0]).toBe(
      'error: error executing jsonpath "{.spec.foo}": Error executing template: foo is not found. Printing more information for debugging the template:',
    )
  })
  it('syntax errors', () => {
    expect(jp('{.items[0}')).toEqual({
      error: 'error: error parsing jsonpath {.items[0}, unterminated array\n',
    })
    expect(jp('{.metadata.name')).toEqual({
      error: 'error: error parsing jsonpath {.metadata.name, unclosed action\n',
    })
    expect(jp('{.items[0].metadata["name"]}')).toEqual({
      error:
        'error: error parsing jsonpath {.items[0].metadata["name"]}, invalid array index "name"\n',
    })
    expect(jp('{end}')).toEqual({
      error: expect.stringContaining('Error executing template: not in range, nothing to end.'),
    })
  })
  it('jsonpath-as-json prints each action as an indented array', () => {
    expect(
      printJsonPath('{.items[*].metadata.name}', LIST, { allowMissingKeys: true, asJson: true }),
    ).toEqual({ stdout: '[\n    "a",\n    "b"\n]\n' })
  })
})

describe('custom-columns', () => {
  it('prints <none> for missing values and Go %v for maps', () => {
    const r = printCustomColumns(
      'NAME:.metadata.name,LABELS:.metadata.labels,PORTS:.spec.ports[*].port',
      LIST.items,
      false,
    )
    expect(r).toEqual({
      stdout:
        'NAME   LABELS         PORTS\na      map[app:web]   80,443\nb      <none>         <none>\n',
    })
  })
  it('rejects a column without a path', () => {
    expect(printCustomColumns('NAME', [], false)).toEqual({
      error: 'unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>',
    })
  })
})

describe('label selectors (-l)', () => {
  const m = (sel: string, labels: Record<string, string>) => {
    const r = parseLabelSelector(sel)
    if ('error' in r) throw new Error(r.error)
    return matchesRequirements(r.requirements, labels)
  }
  it('equality, set and existence forms', () => {
    expect(m('app=web', { app: 'web' })).toBe(true)
    expect(m('app==web,tier!=db', { app: 'web' })).toBe(true)
    expect(m('app in (web,api)', { app: 'api' })).toBe(true)
    expect(m('app notin (web)', {})).toBe(true)
    expect(m('app', { app: '' })).toBe(true)
    expect(m('!app', { app: 'x' })).toBe(false)
  })
  it('errors carry labels.Parse text', () => {
    expect(parseLabelSelector('app in web')).toEqual({
      error: "unable to parse requirement: found 'web' expected: '('",
    })
    expect(parseLabelSelector('app=web,')).toEqual({
      error: "found '', expected: identifier after ','",
    })
  })
})
