import { exports } from 'cloudflare:workers'
import { contractSuite } from './contract-suite'

const worker = exports as unknown as { default: Fetcher }

contractSuite((req) => worker.default.fetch(req))
