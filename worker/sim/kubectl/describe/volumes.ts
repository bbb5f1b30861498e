// Volumes, tolerations and QoS lines of describe pod (describe.go describeVolumes,
// printTolerationsMultilineWithIndent, qos.GetPodQOS).

import type { Container, Pod, Toleration } from '../../objects/types'
import { DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2 } from './writer'

type Source = Record<string, Record<string, unknown> | undefined>
type Volume = { name: string } & Source

export function writeVolumes(
  w: DescribeWriter,
  volumes: Volume[] | undefined,
  space: string,
): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`)
    return
  }
  w.write(LEVEL_0, `${space}Volumes:\n`)
  for (const v of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${v.name}:\n`)
    writeSource(w, v)
  }
}

function writeSource(w: DescribeWriter, v: Volume): void {
  const str = (x: unknown) => (x === undefined || x === null ? '' : String(x))
  if (v.hostPath) {
    w.write(
      LEVEL_2,
      `Type:\tHostPath (bare host directory volume)\n    Path:\t${str(v.hostPath.path)}\n    HostPathType:\t${str(v.hostPath.type) || '<none>'}\n`,
    )
  } else if (v.emptyDir) {
    w.write(
      LEVEL_2,
      `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${str(v.emptyDir.medium)}\n    SizeLimit:\t${str(v.emptyDir.sizeLimit) || '<unset>'}\n`,
    )
  } else if (v.secret) {
    w.write(
      LEVEL_2,
      `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${str(v.secret.secretName)}\n    Optional:\t${v.secret.optional === true}\n`,
    )
  } else if (v.configMap) {
    w.write(
      LEVEL_2,
      `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${str(v.configMap.name)}\n    Optional:\t${v.configMap.optional === true}\n`,
    )
  } else if (v.projected) {
    writeProjected(w, (v.projected.sources as Source[] | undefined) ?? [])
  } else w.write(LEVEL_1, '<unknown>\n')
}

/** printProjectedVolumeSource, e.g. the kube-api-access-xxxxx volume every pod gets. */
function writeProjected(w: DescribeWriter, sources: Source[]): void {
  const optional = (x: unknown) => (x === undefined || x === null ? '<nil>' : String(x))
  w.write(
    LEVEL_2,
    'Type:\tProjected (a volume that contains injected data from multiple sources)\n',
  )
  for (const s of sources) {
    if (s.secret)
      w.write(
        LEVEL_2,
        `SecretName:\t${String(s.secret.name ?? '')}\n    SecretOptionalName:\t${optional(s.secret.optional)}\n`,
      )
    else if (s.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n')
    else if (s.configMap)
      w.write(
        LEVEL_2,
        `ConfigMapName:\t${String(s.configMap.name ?? '')}\n    ConfigMapOptional:\t${optional(s.configMap.optional)}\n`,
      )
    else if (s.serviceAccountToken)
      w.write(
        LEVEL_2,
        `TokenExpirationSeconds:\t${String(s.serviceAccountToken.expirationSeconds ?? 0)}\n`,
      )
  }
}

/** printPodTolerationsMultiline: `key=value:Effect op=Exists for 300s`, sorted by key. */
export function writeTolerations(
  w: DescribeWriter,
  title: string,
  tolerations: Toleration[] | undefined,
  initialIndent = '',
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:\t`)
  const list = [...(tolerations ?? [])].sort((a, b) =>
    (a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0,
  )
  if (list.length === 0) return w.writeLine('<none>')
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}\t`)
    let line = t.key ?? ''
    if (t.value) line += `=${t.value}`
    if (t.effect) line += `:${t.effect}`
    if (t.operator === 'Exists' && !t.value) line += t.key || t.effect ? ' op=Exists' : 'op=Exists'
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null)
      line += ` for ${t.tolerationSeconds}s`
    w.write(LEVEL_0, `${line}\n`)
  })
}

/** qos.GetPodQOS: status.qosClass, else computed from the containers' requests and limits. */
export function podQOS(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass
  const containers = (pod.spec?.containers ?? []) as Container[]
  const res = containers.map(
    (c) =>
      (c.resources ?? {}) as { requests?: Record<string, string>; limits?: Record<string, string> },
  )
  const any = res.some(
    (r) => Object.keys(r.requests ?? {}).length > 0 || Object.keys(r.limits ?? {}).length > 0,
  )
  if (!any) return 'BestEffort'
  const guaranteed = res.every((r) =>
    ['cpu', 'memory'].every(
      (k) => r.limits?.[k] !== undefined && (r.requests?.[k] ?? r.limits?.[k]) === r.limits?.[k],
    ),
  )
  return guaranteed ? 'Guaranteed' : 'Burstable'
}
