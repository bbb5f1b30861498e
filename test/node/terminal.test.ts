// The terminal suite against the Node entry's app over libSQL (a fresh file database).
import { beforeAll } from 'vitest'
import { terminalSuite } from '../http/terminal-suite'
import { nodeApp } from './node-app'

const { app, migrate } = nodeApp()
beforeAll(migrate)

terminalSuite(async (req) => app.fetch(req), { abortNoticed: true })
