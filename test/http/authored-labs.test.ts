import { exports } from 'cloudflare:workers'
import { authoredEditSuite } from './authored-edit-suite'
import { authoredLabsSuite } from './authored-labs-suite'
import { authoredPublishSuite } from './authored-publish-suite'
import { authoredRepublishSuite } from './authored-republish-suite'

const worker = exports as unknown as { default: Fetcher }

authoredLabsSuite((req) => worker.default.fetch(req))
authoredPublishSuite((req) => worker.default.fetch(req))
authoredEditSuite((req) => worker.default.fetch(req))
authoredRepublishSuite((req) => worker.default.fetch(req))
