// What a pod answers on a port, judged from its containers' main processes regardless of the
// status the kubelet is still writing (probes run against the live processes).

import type { Pod } from '../objects/types'
import type { HttpRequest, HttpResponse } from '../net/types'
import { containerProcess } from '../net/images'
import { serverAnswer } from '../images/http'

/** 'refused' when nothing listens on the port, undefined when the listener does not speak HTTP. */
export function answerHttpAs(
  pod: Pod,
  port: number,
  req: HttpRequest,
  now: number,
): HttpResponse | undefined | 'refused' {
  for (const container of pod.spec.containers) {
    const found = containerProcess(container)
    if (found?.process.type !== 'server') continue
    if (!found.process.ports.some((p) => p.port === port && p.protocol === 'TCP')) continue
    return serverAnswer(
      {
        podName: pod.metadata.name,
        podIP: pod.status.podIP ?? '',
        image: found.image,
        process: found.process,
        now,
        clientIP: pod.status.hostIP ?? '',
        clientPort: 40000,
        port,
      },
      req,
    )
  }
  return 'refused'
}
