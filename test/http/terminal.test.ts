import { exports } from 'cloudflare:workers'
import { terminalSuite } from './terminal-suite'

const worker = exports as unknown as { default: Fetcher }

terminalSuite((req) => worker.default.fetch(req), { abortNoticed: false })
