// The lab format's JSON Schema, for editors and for instructors' own tooling (docs/lab-format.md).
import { Hono } from 'hono'
import * as z from 'zod/mini'
import { labSchema } from '../labs/format/lab-schema'
import type { AppEnv } from './env'

export const labFormatRoutes = new Hono<AppEnv>()

let schema: unknown
labFormatRoutes.get('/schema', (c) => {
  schema ??= {
    ...z.toJSONSchema(labSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://service-lab/api/lab-format/schema',
    title: 'Service Lab lab, format 1',
  }
  return c.json(schema as Record<string, unknown>, 200, { 'Cache-Control': 'public, max-age=3600' })
})
