import { exports } from 'cloudflare:workers'
import { passwordsSuite } from './passwords-suite'

const worker = exports as unknown as { default: Fetcher }

passwordsSuite((req) => worker.default.fetch(req))
