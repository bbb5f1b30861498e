import { env, exports } from 'cloudflare:workers'
import { authoredEditSuite } from './authored-edit-suite'
import { authoredLabsSuite } from './authored-labs-suite'
import { authoredPublishSuite } from './authored-publish-suite'
import { authoredRepublishSuite } from './authored-republish-suite'

const worker = exports as unknown as { default: Fetcher }

authoredLabsSuite((req) => worker.default.fetch(req))
authoredPublishSuite((req) => worker.default.fetch(req))
authoredEditSuite((req) => worker.default.fetch(req))
authoredRepublishSuite(
  (req) => worker.default.fetch(req),
  async (id) =>
    (await env.DB.prepare(
      `SELECT (SELECT count(*) FROM clusters WHERE id = ?1)
        + (SELECT count(*) FROM command_history WHERE cluster_id = ?1)
        + (SELECT count(*) FROM kube_tokens WHERE cluster_id = ?1) AS n`,
    )
      .bind(id)
      .first<number>('n'))!,
)
