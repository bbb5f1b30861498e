// The check language: what a task's check may say, as data (zod). Nothing in a check is executed
// as code; worker/labs/format/evaluate.ts reads it after every command. Each check is an object
// with exactly one key naming its kind; docs/lab-format.md explains every kind with examples.
import * as z from 'zod/mini'
import { safeRegexSource } from './regex'

const name = z.string().check(z.minLength(1), z.maxLength(253))
const labels = z.record(z.string().check(z.maxLength(253)), z.string().check(z.maxLength(63)))
const count = z.int().check(z.minimum(0), z.maximum(1000))
const regex = z.string().check(
  z.minLength(1),
  z.maxLength(200),
  z.refine((s) => safeRegexSource(s) === undefined, {
    error: (iss) => safeRegexSource(String(iss.input)) ?? 'Not a usable regular expression.',
  }),
)
const jsonPath = z.string().check(z.minLength(1), z.maxLength(300))
const json = z.json()

export const KINDS = [
  'Pod',
  'Service',
  'Endpoints',
  'EndpointSlice',
  'Deployment',
  'ReplicaSet',
  'Namespace',
  'Node',
  'Event',
] as const
export const OUTCOMES = ['answered', 'refused', 'timeout', 'nxdomain', 'unreachable'] as const

/** Objects of one kind: by name, or every one whose labels carry `selector`. */
export const objectRef = z.strictObject({
  kind: z.enum(KINDS),
  name: z.optional(name),
  namespace: z.optional(name),
  selector: z.optional(labels),
})
/** Pods by name/labels, optionally only ready ones or ones running an image. */
export const podFilter = z.strictObject({
  name: z.optional(name),
  namespace: z.optional(name),
  selector: z.optional(labels),
  image: z.optional(z.string().check(z.maxLength(300))),
  ready: z.optional(z.boolean()),
})
const countRange = { atLeast: z.optional(count), atMost: z.optional(count) }
const fieldRef = z.strictObject({ ...objectRef.shape, path: jsonPath })

export const fieldTest = z.strictObject({
  ...fieldRef.shape,
  equals: z.optional(json),
  matches: z.optional(regex),
  oneOf: z.optional(z.array(json).check(z.maxLength(50))),
  count: z.optional(z.strictObject(countRange)),
  absent: z.optional(z.literal(true)),
})

export const origin = z.union([
  z.literal('workstation'),
  /** any pod (e.g. after kubectl exec) */
  z.literal('pod'),
  z.strictObject({
    pod: z.optional(name),
    namespace: z.optional(name),
    selector: z.optional(labels),
  }),
  /** a node by name, or '*' for any node */
  z.strictObject({ node: name }),
])

export const requestTest = z.strictObject({
  in: z.optional(z.enum(['command', 'history'])),
  from: z.optional(origin),
  kind: z.optional(z.enum(['http', 'dns'])),
  to: z.optional(
    z.strictObject({
      service: z.optional(name),
      namespace: z.optional(name),
      via: z.optional(z.enum(['name', 'clusterIP', 'nodePort', 'loadBalancer'])),
      host: z.optional(z.string().check(z.maxLength(253))),
      podIP: z.optional(z.boolean()),
      port: z.optional(z.int().check(z.minimum(1), z.maximum(65535))),
    }),
  ),
  outcome: z.optional(z.union([z.enum(OUTCOMES), z.array(z.enum(OUTCOMES))])),
  answeredBy: z.optional(podFilter),
  staleEndpoint: z.optional(z.boolean()),
  count: z.optional(z.strictObject(countRange)),
  distinctPods: z.optional(z.strictObject(countRange)),
})

export const probeTest = z.strictObject({
  from: z.union([
    z.literal('workstation'),
    z.strictObject({ pod: name, namespace: z.optional(name) }),
    z.strictObject({ node: name }),
  ]),
  host: z.string().check(z.minLength(1), z.maxLength(253)),
  port: z.int().check(z.minimum(1), z.maximum(65535)),
  path: z.optional(z.string().check(z.maxLength(500))),
  outcome: z.enum(OUTCOMES),
  status: z.optional(z.int()),
  bodyMatches: z.optional(regex),
  answeredBy: z.optional(podFilter),
})

export const leafChecks = {
  exists: objectRef,
  absent: objectRef,
  pods: z.strictObject({ ...podFilter.shape, ...countRange }),
  field: fieldTest,
  endpointsMatchPods: z.strictObject({
    service: name,
    namespace: z.optional(name),
    selector: labels,
    port: z.optional(z.int().check(z.minimum(1), z.maximum(65535))),
    atLeast: z.optional(count),
  }),
  request: requestTest,
  probe: probeTest,
  command: z.strictObject({ matches: z.optional(regex), exitCode: z.optional(z.int()) }),
  output: z.strictObject({
    contains: z.optional(z.string().check(z.maxLength(500))),
    matches: z.optional(regex),
    mentions: z.optional(z.strictObject({ values: fieldRef, atLeast: count })),
  }),
  dropped: z.strictObject({ values: fieldRef, stalePodIP: z.optional(z.boolean()) }),
  variant: name,
}

type Leaf = {
  [K in keyof typeof leafChecks]: { [P in K]: z.infer<(typeof leafChecks)[K]> }
}[keyof typeof leafChecks]
export type Check =
  | Leaf
  | { all: Check[] }
  | { any: Check[] }
  | { not: Check }
  | { after: { first: Check; then: Check } }

const leafSchemas = Object.entries(leafChecks).map(([k, s]) => z.strictObject({ [k]: s }))

export const checkSchema: z.ZodMiniType<Check> = z.union([
  ...leafSchemas,
  z.strictObject({
    get all() {
      return z.array(checkSchema).check(z.minLength(1), z.maxLength(30))
    },
  }),
  z.strictObject({
    get any() {
      return z.array(checkSchema).check(z.minLength(1), z.maxLength(30))
    },
  }),
  z.strictObject({
    get not() {
      return checkSchema
    },
  }),
  z.strictObject({
    get after() {
      return z.strictObject({ first: checkSchema, then: checkSchema })
    },
  }),
]) as unknown as z.ZodMiniType<Check>

/** Every kind of check, for editors and error messages. */
export const CHECK_KINDS = [...Object.keys(leafChecks), 'all', 'any', 'not', 'after']

export type ObjectRef = z.infer<typeof objectRef>
export type PodFilter = z.infer<typeof podFilter>
export type FieldTest = z.infer<typeof fieldTest>
export type FieldRef = z.infer<typeof fieldRef>
export type RequestTest = z.infer<typeof requestTest>
export type ProbeTest = z.infer<typeof probeTest>
