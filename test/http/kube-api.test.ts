import { exports } from 'cloudflare:workers'
import { kubeApiSuite } from './kube-api-suite'
import { kubeApiWritesSuite } from './kube-api-writes-suite'

const worker = exports as unknown as { default: Fetcher }

kubeApiSuite((req) => worker.default.fetch(req))
kubeApiWritesSuite((req) => worker.default.fetch(req))
