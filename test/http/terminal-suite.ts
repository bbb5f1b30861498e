// Terminal tabs over HTTP (docs/api.md "Terminals"), against any entry: workerd + D1, Node + libSQL.
import { describe, expect, it } from 'vitest'
import { MY_SERVICE } from '../../worker/labs/notes'
import { Client, type Fetch } from './client'

/** NDJSON events of a streamed answer. */
export async function readEvents(res: Response): Promise<Record<string, any>[]> {
  const text = await res.text()
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, any>)
}

/**
 * `abortNoticed`: whether the runtime tells the server the client went away. Node does; workerd
 * under the test pool does not while the stream is quiet, so the client's Ctrl+C also calls
 * `POST .../interrupt` (docs/api.md).
 */
export function terminalSuite(fetch: Fetch, o: { abortNoticed: boolean }) {
  const learner = async (lab = 'clusterip-endpoints') => {
    const c = new Client(fetch)
    await c.signup()
    const id = await c.openCluster(lab)
    const type = (command: string, extra: Record<string, unknown> = {}) =>
      c.post(`/api/clusters/${id}/run`, { command, terminal: 't1', ...extra })
    return { c, id, type }
  }

  describe('a terminal line', () => {
    it('a plain run without the new fields answers exactly the fields it always did', async () => {
      const { c, id } = await learner()
      const r = await c.run(id, 'kubectl exec -it access-pod -- bash')
      expect(r.status).toBe(200)
      expect(Object.keys(r.body).sort()).toEqual(
        ['stdout', 'stderr', 'exitCode', 'tasks', 'newlyCompleted', 'trace', 'changed', 'clear']
          .concat(['diagnosis', 'completedAt'])
          .sort(),
      )
      expect(r.body.stderr).toMatch(/interactive shells are not simulated/)
    })

    it("`$?` is the exit status the terminal sends with the line (its tab's last); none is 0", async () => {
      const { type } = await learner()
      expect((await type('kubectl get pod nosuch')).body.exitCode).toBe(1)
      expect((await type('echo $?', { status: 1 })).body.stdout).toBe('1\n')
      expect((await type('echo $?')).body.stdout).toBe('0\n')
      const bad = await type('echo $?', { status: 256 })
      expect(bad.status).toBe(400)
      expect(bad.body.error.code).toBe('invalid_input')
    })

    it('random bytes written to a file in a tab are kept byte for byte between lines', async () => {
      const { type } = await learner()
      const first = await type('head -c 64 /dev/urandom > key; base64 -w 0 key')
      expect(first.body.stdout).toMatch(/^[A-Za-z0-9+/]{86}==$/)
      const second = await type('wc -c < key; base64 -w 0 key')
      expect(second.body.stdout).toBe(`64\n${first.body.stdout}`)
    })

    it("keeps each tab's workstation shell (variables, cwd, files) between its lines", async () => {
      const { c, id, type } = await learner()
      await type('NAME=web; cd /tmp')
      await type(
        'kubectl create deployment $NAME --image=nginx --dry-run=client -o yaml > web.yaml',
      )
      expect((await type('echo $NAME; pwd; ls')).body.stdout).toBe('web\n/tmp\nweb.yaml\n')
      expect((await type('kubectl apply -f web.yaml')).body).toMatchObject({
        stdout: 'deployment.apps/web created\n',
        exitCode: 0,
      })
      // another tab has a shell of its own; a one-shot line (no tab) starts afresh
      const other = await c.post(`/api/clusters/${id}/run`, {
        command: 'echo "[$NAME]"; pwd',
        terminal: 't2',
      })
      expect(other.body.stdout).toBe('[]\n/home/learner\n')
      expect((await c.run(id, 'echo "[$NAME]"')).body.stdout).toBe('[]\n')
      expect((await type('echo $NAME')).body.stdout).toBe('web\n')
    })

    it('follows the course notes: exec -it, apt-get, curl a pod IP, exit', async () => {
      const { c, id, type } = await learner()
      const ip = (
        await c.run(id, "kubectl get pods -l app=nginx-1.1 -o jsonpath='{.items[0].status.podIP}'")
      ).body.stdout as string
      const open = await type('kubectl exec -it access-pod -- bash', { columns: 132, rows: 40 })
      expect(open.body).toMatchObject({
        exitCode: 0,
        prompt: 'root@access-pod:/# ',
        shell: { pod: 'access-pod', container: 'access-pod-container', namespace: 'default' },
      })
      // a line in the shell costs what `kubectl exec` costs: one read (session and cluster in one
      // statement), one batch of 2 rows
      const cost = (h: Headers) =>
        /statements=\d+ rows_read=\d+ rows_written=\d+/.exec(h.get('server-timing') ?? '')?.[0]
      const exec = await c.run(id, 'kubectl exec access-pod -- curl -s ' + ip)
      const inShell = await type('curl -s ' + ip)
      expect(inShell.body.stderr).toBe('bash: curl: command not found\n')
      expect(cost(inShell.headers)).toBe(cost(exec.headers))
      expect(cost(inShell.headers)).toMatch(/statements=3 rows_read=\d+ rows_written=2/)
      const install = await type('apt-get update && apt-get install -y curl')
      expect(install.body.exitCode).toBe(0)
      expect((await type('echo $COLUMNS')).body.stdout).toBe('132\n')
      const curl = await type(`curl -s ${ip}`)
      expect(curl.body.exitCode).toBe(0)
      expect(curl.body.stdout).toMatch(/nginx/i)
      expect(curl.body.trace[0].from).toMatchObject({ kind: 'pod', name: 'access-pod' })
      const bye = await type('exit')
      expect(bye.body).toMatchObject({ stdout: 'exit\n', exitCode: 0, prompt: '$ ', shell: null })
      const history = (await c.get(`/api/clusters/${id}/history`)).body.history
      expect(history.map((h: { command: string }) => h.command)).toContain(
        `[access-pod] curl -s ${ip}`,
      )
    })

    it('a curl typed inside the shell completes the task that wants it from access-pod', async () => {
      const { c, id, type } = await learner()
      await c.run(id, 'kubectl apply -f -', MY_SERVICE)
      const ips = (
        await c.run(id, "kubectl get pods -l app=nginx-1.1 -o jsonpath='{.items[*].status.podIP}'")
      ).body.stdout.split(' ') as string[]
      const endpoints = `apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: my-service\nsubsets:\n- addresses:\n${ips.map((ip) => `  - ip: ${ip}\n`).join('')}  ports:\n  - port: 80\n`
      await c.run(id, 'kubectl apply -f -', endpoints)
      await type('kubectl exec -it access-pod -- bash')
      await type('apt-get update && apt-get install -y curl')
      const r = await type('curl -s my-service:8080')
      expect(r.body.newlyCompleted).toContain('curl-service')
    })

    it('GET terminal: still in the shell after a reload; ended once the pod is deleted', async () => {
      const { c, id, type } = await learner()
      await type('kubectl exec -it access-pod -- bash')
      const again = await c.get(`/api/clusters/${id}/terminals/t1`)
      expect(again.body).toMatchObject({
        prompt: 'root@access-pod:/# ',
        shell: { pod: 'access-pod' },
      })
      const other = await c.get(`/api/clusters/${id}/terminals/t2`)
      expect(other.body).toMatchObject({ prompt: '$ ', shell: null })
      await c.run(id, 'kubectl delete pod access-pod --grace-period=0 --force')
      const gone = await c.get(`/api/clusters/${id}/terminals/t1`)
      expect(gone.body).toMatchObject({
        shell: null,
        prompt: '$ ',
        ended: 'Your shell in pod access-pod ended: the pod was deleted.',
      })
      const line = await type('hostname')
      expect(line.body).toMatchObject({
        stderr: 'command terminated with exit code 137\n',
        shell: null,
      })
    })

    it('history -c on the workstation clears the list for the lines after it, as bash does', async () => {
      const { c, id, type } = await learner('playground')
      await type('echo one')
      await type('echo two')
      expect((await type('history')).body.stdout).toBe(
        '    1  echo one\n    2  echo two\n    3  history\n',
      )
      expect((await type('history -c')).body.stdout).toBe('')
      expect((await type('history')).body.stdout).toBe('    1  history\n')
      await type('echo three')
      expect((await type('history 2')).body.stdout).toBe('    2  echo three\n    3  history 2\n')
      // the browser's recall list (arrow up) starts afresh too
      expect((await c.get(`/api/clusters/${id}/history`)).body.recent).toEqual([
        'history',
        'echo three',
        'history 2',
      ])
      // the timeline keeps every line: only the shell's list was cleared
      const timeline = (await c.get(`/api/clusters/${id}/history`)).body.history
      expect(timeline.map((h: { command: string }) => h.command)).toContain('history -c')
    })

    it('Ctrl+D (eof) ends bash with "exit"', async () => {
      const { type } = await learner()
      await type('kubectl exec -it access-pod -- bash')
      const r = await type('', { eof: true })
      expect(r.body).toMatchObject({ stdout: '\nexit\n', shell: null, prompt: '$ ' })
    })

    it('resize is remembered and reaches the shell', async () => {
      const { c, id, type } = await learner()
      const r = await c.post(`/api/clusters/${id}/terminals/t1/resize`, { columns: 150, rows: 50 })
      expect(r.status).toBe(204)
      expect((await c.get(`/api/clusters/${id}/terminals/t1`)).body).toMatchObject({
        columns: 150,
        rows: 50,
      })
      await type('kubectl exec -it access-pod -- bash')
      expect((await type('echo $COLUMNS $LINES')).body.stdout).toBe('150 50\n')
    })
  })

  describe('streams (stream: true)', () => {
    const streamed = async (
      c: Client,
      id: string,
      command: string,
      extra: Record<string, unknown> = {},
    ) => {
      const res = await fetch(
        new Request(`http://lab.test/api/clusters/${id}/run`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: c.cookie },
          body: JSON.stringify({ command, terminal: 't1', stream: true, ...extra }),
        }),
      )
      return res
    }

    it('a line that does not stream: start, its output, end at once', async () => {
      const { c, id } = await learner('playground')
      const res = await streamed(c, id, 'echo hello')
      expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/)
      // a proxy's buffer (nginx in front of the Node entry) must not hold the events back
      expect(res.headers.get('x-accel-buffering')).toBe('no')
      const events = await readEvents(res)
      expect(events.map((e) => e.type)).toEqual(['start', 'output', 'end'])
      expect(events[0]).toMatchObject({ prompt: '$ ', shell: null })
      expect(events[1]).toMatchObject({ stream: 'stdout', text: 'hello\n' })
      expect(events[2]).toMatchObject({ exitCode: 0, prompt: '$ ', shell: null })
    })

    it('history -c sent as the browser sends lines (stream: true) lasts too', async () => {
      const { c, id, type } = await learner('playground')
      await type('echo one')
      const events = await readEvents(await streamed(c, id, 'history -c'))
      expect(events[events.length - 1]).toMatchObject({ type: 'end', exitCode: 0 })
      expect((await type('history')).body.stdout).toBe('    1  history\n')
      // a line that streams (sleeps) keeps it too, stored with the line's end
      await type('echo two')
      const slept = await readEvents(await streamed(c, id, 'history -c; sleep 1; echo done'))
      expect(slept.filter((e) => e.type === 'output').map((e) => e.text)).toEqual(['done\n'])
      expect((await type('history')).body.stdout).toBe('    1  history\n')
    })

    it("a streamed line starts from the tab's shell and leaves what it set, as the browser sends lines", async () => {
      const { c, id, type } = await learner('playground')
      await type('A=1; cd /tmp')
      const slept = await readEvents(await streamed(c, id, 'echo $A; sleep 1; B=2; cd /etc; pwd'))
      expect(slept.filter((e) => e.type === 'output').map((e) => e.text)).toEqual(['1\n', '/etc\n'])
      expect((await type('echo $A $B; pwd')).body.stdout).toBe('1 2\n/etc\n')
      const quick = await readEvents(await streamed(c, id, 'C=3'))
      expect(quick[quick.length - 1]).toMatchObject({ type: 'end', exitCode: 0 })
      expect((await type('echo $C')).body.stdout).toBe('3\n')
    })

    it('what a later step prints is graded: a pod IP shown after a sleep completes the task', async () => {
      const { c, id } = await learner('pod-ips')
      const events = await readEvents(await streamed(c, id, 'sleep 1; kubectl get pods -o wide'))
      expect(events.find((e) => e.type === 'tasks')).toMatchObject({
        newlyCompleted: ['find-pod-ip'],
      })
      expect(events[events.length - 1]).toMatchObject({
        type: 'end',
        newlyCompleted: ['find-pod-ip'],
      })
      const tasks = (await c.get('/api/labs')).body.labs.find(
        (l: { id: string }) => l.id === 'pod-ips',
      ).tasks as { id: string; done: boolean }[]
      expect(tasks.filter((t) => t.done).map((t) => t.id)).toEqual(['find-pod-ip'])
    })

    it('a streamed line that carries stdin applies it', async () => {
      const { c, id } = await learner()
      const events = await readEvents(
        await streamed(c, id, 'kubectl apply -f -', { stdin: MY_SERVICE }),
      )
      expect(events.filter((e) => e.type === 'output').map((e) => e.text)).toEqual([
        'service/my-service created\n',
      ])
      expect(events[events.length - 1]).toMatchObject({ type: 'end', exitCode: 0 })
    })

    it('a loop with sleep prints each iteration as time passes, then ends', async () => {
      const { c, id } = await learner('playground')
      const started = Date.now()
      const res = await streamed(c, id, 'for i in 1 2; do echo tick $i; sleep 1; done; echo end')
      const events = await readEvents(res)
      expect(Date.now() - started).toBeGreaterThanOrEqual(1900)
      const text = events
        .filter((e) => e.type === 'output')
        .map((e) => e.text)
        .join('')
      expect(text).toBe('tick 1\ntick 2\nend\n')
      expect(events[events.length - 1]).toMatchObject({ type: 'end', exitCode: 0 })
      const history = (await c.get(`/api/clusters/${id}/history`)).body.history
      expect(history[history.length - 1]).toMatchObject({ exitCode: 0 })
    })

    it('Ctrl+C: the client aborts, the server stops and records kubectl exit code 1', async () => {
      const { c, id } = await learner()
      const res = await streamed(c, id, 'kubectl get pods -w')
      const reader = res.body!.getReader()
      let seen = ''
      while (!seen.includes('"interrupt"'))
        seen += new TextDecoder().decode((await reader.read()).value)
      expect(seen).toContain('access-pod')
      expect(seen).toContain('{"type":"interrupt","text":"^C","exitCode":1}')
      await reader.cancel()
      if (!o.abortNoticed)
        expect((await c.post(`/api/clusters/${id}/terminals/t1/interrupt`)).status).toBe(204)
      let last: { command: string; exitCode: number } | undefined
      for (let i = 0; i < 40; i++) {
        const h = (await c.get(`/api/clusters/${id}/history`)).body.history
        last = h[h.length - 1]
        if (last?.exitCode === 1) break
        await new Promise((r) => setTimeout(r, 100))
      }
      expect(last).toMatchObject({ command: 'kubectl get pods -w', exitCode: 1 })
      expect((await c.run(id, 'kubectl get pod access-pod -o name')).body.stdout).toBe(
        'pod/access-pod\n',
      )
    })

    it('a watch shows a pod created meanwhile by another request, as it starts', async () => {
      const { c, id } = await learner()
      const res = await streamed(c, id, 'kubectl get pods -w')
      const reader = res.body!.getReader()
      let seen = ''
      const readUntil = async (needle: RegExp) => {
        const deadline = Date.now() + 8000
        while (!needle.test(seen) && Date.now() < deadline)
          seen += new TextDecoder().decode((await reader.read()).value)
      }
      await readUntil(/"interrupt"/)
      expect((await c.run(id, 'kubectl run extra --image=nginx')).body.stdout).toBe(
        'pod/extra created\n',
      )
      await readUntil(/extra +0\/1 +(Pending|ContainerCreating)/)
      expect(seen).toMatch(/extra +0\/1 +(Pending|ContainerCreating)/)
      expect(seen.match(/NAME +READY/g)?.length).toBe(1)
      await reader.cancel()
      await c.post(`/api/clusters/${id}/terminals/t1/interrupt`)
    }, 15_000)

    it("a watch's end keeps a task another tab completed while it ran (lost race)", async () => {
      const { c, id } = await learner('pod-ips')
      // tab 1: its first screen shows the pod IP (a task), then it goes on watching
      const res = await streamed(c, id, 'kubectl get pods -o wide -w')
      const reader = res.body!.getReader()
      let seen = ''
      while (!seen.includes('"interrupt"')) {
        const { value, done } = await reader.read()
        if (done) break
        seen += new TextDecoder().decode(value)
      }
      expect(seen).toContain('"interrupt"')
      const ip = /\b10\.244\.\d+\.\d+\b/.exec(seen)![0]
      // tab 2 completes another task; the watch ends before its next poll, so its final write
      // finds the row changed under it
      const other = await c.post(`/api/clusters/${id}/run`, {
        command: `curl --connect-timeout 1 ${ip}`,
        terminal: 't2',
      })
      expect(other.body.newlyCompleted).toEqual(['outside-fails'])
      await reader.cancel()
      if (!o.abortNoticed)
        expect((await c.post(`/api/clusters/${id}/terminals/t1/interrupt`)).status).toBe(204)
      let last: { command: string; exitCode: number } | undefined
      for (let i = 0; i < 40 && last?.exitCode !== 1; i++) {
        await new Promise((r) => setTimeout(r, 100))
        const h = (await c.get(`/api/clusters/${id}/history`)).body.history
        last = h.find((e: { command: string }) => e.command === 'kubectl get pods -o wide -w')
      }
      expect(last).toMatchObject({ exitCode: 1 })
      const tasks = (await c.get('/api/labs')).body.labs.find(
        (l: { id: string }) => l.id === 'pod-ips',
      ).tasks as { id: string; done: boolean }[]
      expect(tasks.filter((t) => t.done).map((t) => t.id)).toEqual(['find-pod-ip', 'outside-fails'])
    }, 15_000)

    it('run -it --rm waits for the pod, opens its shell; exit deletes the pod', async () => {
      const { c, id, type } = await learner('playground')
      const events = await readEvents(
        await streamed(c, id, 'kubectl run tmp -it --rm --image=busybox -- sh'),
      )
      expect(events.filter((e) => e.type === 'output').map((e) => e.text)).toEqual([
        "If you don't see a command prompt, try pressing enter.\n",
      ])
      expect(events[events.length - 1]).toMatchObject({
        type: 'end',
        exitCode: 0,
        prompt: '/ # ',
        shell: { pod: 'tmp' },
      })
      const bye = await type('exit')
      expect(bye.body.output).toEqual([
        {
          stream: 'stderr',
          text: "Session ended, resume using 'kubectl attach tmp -c tmp -i -t' command when the pod is running\n",
        },
        { stream: 'stdout', text: 'pod "tmp" deleted\n' },
      ])
      expect(bye.body).toMatchObject({ prompt: '$ ', shell: null })
    }, 30_000)

    it('inside a shell: the stream runs in the container and ends at its prompt', async () => {
      const { c, id, type } = await learner()
      await type('kubectl exec -it access-pod -- bash')
      const events = await readEvents(await streamed(c, id, 'sleep 1; hostname; cd /tmp'))
      expect(events[0]).toMatchObject({ type: 'start', prompt: 'root@access-pod:/# ' })
      expect(
        events
          .filter((e) => e.type === 'output')
          .map((e) => e.text)
          .join(''),
      ).toBe('access-pod\n')
      expect(events[events.length - 1]).toMatchObject({
        type: 'end',
        prompt: 'root@access-pod:/tmp# ',
      })
      expect((await c.get(`/api/clusters/${id}/terminals/t1`)).body.prompt).toBe(
        'root@access-pod:/tmp# ',
      )
    })
  })

  describe('who may, and bad input', () => {
    it('another user gets 404 for the run, the terminal, resize and interrupt', async () => {
      const { id, type } = await learner()
      await type('kubectl exec -it access-pod -- bash')
      const eve = new Client(fetch)
      await eve.signup('Eve')
      const base = `/api/clusters/${id}`
      expect((await eve.post(`${base}/run`, { command: 'id', terminal: 't1' })).status).toBe(404)
      expect((await eve.post(`${base}/run`, { command: 'id', stream: true })).status).toBe(404)
      expect((await eve.get(`${base}/terminals/t1`)).status).toBe(404)
      expect(
        (await eve.post(`${base}/terminals/t1/resize`, { columns: 90, rows: 30 })).status,
      ).toBe(404)
      expect((await eve.post(`${base}/terminals/t1/interrupt`)).status).toBe(404)
    })

    it.each([
      [{ command: 'ls', terminal: 'no spaces' }, 'terminal'],
      [{ command: 'ls', terminal: 't1', columns: 10 }, 'columns'],
      [{ command: 'ls', terminal: 't1', rows: 1.5 }, 'rows'],
      [{ command: 'ls', terminal: 't1', stream: 'yes' }, 'stream'],
      [{ command: 'ls', terminal: 't1', eof: true }, 'command'],
    ])('400 invalid_input for %j', async (body, field) => {
      const { c, id } = await learner('playground')
      const r = await c.post(`/api/clusters/${id}/run`, body)
      expect(r.status).toBe(400)
      expect(r.body.error).toMatchObject({ code: 'invalid_input', field })
    })

    it('400 for a malformed terminal name or size in the terminal routes', async () => {
      const { c, id } = await learner('playground')
      expect((await c.get(`/api/clusters/${id}/terminals/${'x'.repeat(41)}`)).status).toBe(400)
      const r = await c.post(`/api/clusters/${id}/terminals/t1/resize`, { columns: 'wide' })
      expect(r.status).toBe(400)
      expect(r.body.error.code).toBe('invalid_input')
    })
  })
}
