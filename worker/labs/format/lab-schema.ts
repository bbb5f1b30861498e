// A lab as data (`format: 1`): its text, its starting cluster, its tasks with declarative checks,
// and the transcripts that prove it. Limits keep one lab within what a Worker request can play.
import * as z from 'zod/mini'
import { checkSchema } from './check-schema'
import { utf8Length } from '../../sim/utf8'

export const LIMITS = {
  markdownBytes: 64 * 1024,
  tasks: 30,
  startBytes: 64 * 1024,
  transcriptCommands: 200,
  nearMisses: 10,
  /**
   * the whole document as stored (JSON): a lab's row holds the draft and the published version, and
   * D1 refuses a row over 2,000,000 bytes
   */
  labBytes: 512 * 1024,
}

const markdown = (what: string) =>
  z.string().check(
    z.refine((s) => utf8Length(s) <= LIMITS.markdownBytes, {
      error: `${what} may be at most 64 KB.`,
    }),
  )
const id = z.string().check(
  z.regex(/^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/, {
    error:
      'Use lower-case letters, digits and dashes (at most 40), starting and ending with a letter or digit.',
  }),
)
const line = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max))
const namespaceName = z.string().check(
  z.regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, {
    error: 'A namespace name is a DNS label (a-z, 0-9, -).',
  }),
)

export const stepSchema = z.union([
  z.string().check(z.maxLength(10_000)),
  z.strictObject({
    command: z.string().check(z.maxLength(10_000)),
    stdin: z.optional(z.string().check(z.maxLength(64 * 1024))),
  }),
])

export const taskSchema = z.strictObject({
  id,
  title: line(200),
  hints: z._default(z.array(line(1000)).check(z.maxLength(10)), []),
  check: checkSchema,
})

export const startSchema = z.strictObject({
  namespaces: z._default(z.array(namespaceName).check(z.maxLength(10)), []),
  /** YAML texts (each may hold several documents), applied in order as `kubectl apply` would */
  manifests: z._default(z.array(z.string()).check(z.maxLength(30)), []),
  /** false: LoadBalancer Services keep EXTERNAL-IP <pending> */
  loadBalancerController: z.optional(z.boolean()),
})

export const labSchema = z.strictObject({
  format: z.literal(1, { error: 'format must be 1 (the only version of the lab format so far).' }),
  id: z.optional(id),
  title: line(120),
  summary: line(300),
  estimatedMinutes: z.int().check(z.minimum(1), z.maximum(240)),
  instructions: markdown('instructions'),
  explanation: z._default(markdown('explanation'), ''),
  start: z._default(startSchema, { namespaces: [], manifests: [] }),
  /** one is drawn per learner from the cluster's seed and applied after `start` */
  variants: z.optional(
    z
      .array(z.strictObject({ id, manifests: z.array(z.string()).check(z.maxLength(30)) }))
      .check(z.minLength(1), z.maxLength(10)),
  ),
  tasks: z
    .array(taskSchema)
    .check(z.maxLength(LIMITS.tasks, { error: 'A lab may have at most 30 tasks.' })),
  hideDiagnoses: z.optional(z.boolean()),
  /** the commands that complete every task, played by verify */
  solution: z._default(z.array(stepSchema), []),
  /** transcripts that must leave their named task(s) undone */
  nearMisses: z._default(
    z
      .array(
        z.strictObject({
          title: line(200),
          leavesUndone: z.array(id).check(z.minLength(1)),
          steps: z.array(stepSchema).check(z.minLength(1)),
        }),
      )
      .check(z.maxLength(LIMITS.nearMisses)),
    [],
  ),
})

export type LabDocument = z.infer<typeof labSchema>
export type LabStep = z.infer<typeof stepSchema>
export type LabTaskDocument = z.infer<typeof taskSchema>
