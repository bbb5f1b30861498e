// Classes (instructor issue): filled in by the instructor work.
import { Hono } from 'hono'
import type { AppEnv } from './env'

export const classRoutes = new Hono<AppEnv>()
