import { describe, expect, it } from 'vitest'
import { newCluster } from '../../../worker/sim/bootstrap'
import { run } from '../../../worker/sim/run'
import { T0 } from './fixture'

const s = newCluster(3, T0)
const sh = (line: string) => run(s, line, { now: T0, history: [] })
const out = (line: string) => sh(line).stdout
const PODS =
  'printf "NAME READY STATUS\\nweb-1 1/1 Running\\ndb-2 0/1 Pending\\nweb-3 1/1 Running\\n"'

describe('grep', () => {
  it.each([
    [`${PODS} | grep web`, 'web-1 1/1 Running\nweb-3 1/1 Running\n'],
    [`${PODS} | grep -v Running`, 'NAME READY STATUS\ndb-2 0/1 Pending\n'],
    [`${PODS} | grep -c Running`, '2\n'],
    [`${PODS} | grep -i pending`, 'db-2 0/1 Pending\n'],
    [`${PODS} | grep -E 'db|NAME'`, 'NAME READY STATUS\ndb-2 0/1 Pending\n'],
    [`${PODS} | grep 'db\\|NAME'`, 'NAME READY STATUS\ndb-2 0/1 Pending\n'],
    [`${PODS} | grep -o 'web-[0-9]'`, 'web-1\nweb-3\n'],
    [`${PODS} | grep -n db`, '3:db-2 0/1 Pending\n'],
    [`echo 'web webapp' | grep -ow web`, 'web\n'],
    ['seq 10 | grep -A1 -E "^(3|7)$"', '3\n4\n--\n7\n8\n'],
    ['seq 10 | grep -B1 -n 5', '4-4\n5:5\n'],
    ['seq 10 | grep -C1 -E "^(3|4)$"', '2\n3\n4\n5\n'],
  ])('%s', (line, want) => expect(out(line)).toBe(want))

  it('exit codes: 0 found, 1 none, 2 error; -q prints nothing', () => {
    expect(sh(`${PODS} | grep -q web`)).toMatchObject({ stdout: '', exitCode: 0 })
    expect(sh(`${PODS} | grep nothing`)).toMatchObject({ stdout: '', exitCode: 1 })
    expect(sh('grep')).toMatchObject({
      stderr:
        "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
      exitCode: 2,
    })
    expect(sh('grep -Z x')).toMatchObject({
      exitCode: 2,
      stderr:
        "grep: invalid option -- 'Z'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
    })
  })
})

describe('head, tail, wc', () => {
  it.each([
    ['seq 10 | head -n 3', '1\n2\n3\n'],
    ['seq 10 | head -2', '1\n2\n'],
    ['seq 10 | head', '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n'],
    ['seq 10 | tail -n 2', '9\n10\n'],
    ['seq 10 | tail -3', '8\n9\n10\n'],
    ['seq 5 | tail -n +4', '4\n5\n'],
    ['seq 10 | wc -l', '10\n'],
    ['echo "a b c" | wc -w', '3\n'],
    ['printf "ab\\n" | wc -c', '3\n'],
    ['printf "a b\\nc\\n" | wc', '      2       3       6\n'],
  ])('%s', (line, want) => expect(out(line)).toBe(want))
})

describe('sort and uniq', () => {
  it.each([
    ['printf "b\\na\\nc\\n" | sort', 'a\nb\nc\n'],
    ['printf "b\\na\\nc\\n" | sort -r', 'c\nb\na\n'],
    ['printf "10\\n9\\n100\\n" | sort -n', '9\n10\n100\n'],
    ['printf "10\\n9\\n100\\n" | sort', '10\n100\n9\n'],
    ['printf "b\\na\\nb\\n" | sort -u', 'a\nb\n'],
    ['printf "x 3\\ny 1\\nz 2\\n" | sort -k2 -n', 'y 1\nz 2\nx 3\n'],
    ['printf "a:3\\nb:1\\n" | sort -t: -k2', 'b:1\na:3\n'],
    ['printf "a\\na\\nb\\na\\n" | uniq', 'a\nb\na\n'],
    ['printf "a\\na\\nb\\n" | uniq -c', '      2 a\n      1 b\n'],
    ['printf "a\\nb\\na\\n" | sort | uniq -c | sort -rn', '      2 a\n      1 b\n'],
    ['printf "a\\na\\nb\\n" | uniq -d', 'a\n'],
  ])('%s', (line, want) => expect(out(line)).toBe(want))
})

describe('awk', () => {
  it.each([
    [`${PODS} | awk '{print $1}'`, 'NAME\nweb-1\ndb-2\nweb-3\n'],
    [`${PODS} | awk 'NR>1 {print $1, $3}'`, 'web-1 Running\ndb-2 Pending\nweb-3 Running\n'],
    [`${PODS} | awk '{print $NF}'`, 'STATUS\nRunning\nPending\nRunning\n'],
    [`${PODS} | awk '/Pending/ {print $1}'`, 'db-2\n'],
    [`${PODS} | awk '$3 == "Running" {n++} END {print n}'`, '2\n'],
    [`echo 10.96.0.1:443 | awk -F: '{print $2}'`, '443\n'],
    [`printf "a 1\\nb 2\\n" | awk '{s += $2} END {print "total", s}'`, 'total 3\n'],
    [`echo "x y" | awk '{printf "%s-%s\\n", $2, $1}'`, 'y-x\n'],
    [`printf "a\\nb\\na\\n" | awk '{c[$1]++} END {for (k in c) print k, c[k]}'`, 'a 2\nb 1\n'],
    [`echo hello | awk '{print toupper(substr($1, 1, 1)) length($1)}'`, 'H5\n'],
  ])('%s', (line, want) => expect(out(line)).toBe(want))

  it('exits with the status `exit` gives; END still runs, and a bare exit there keeps it', () => {
    expect(sh("awk 'BEGIN {exit 3}'").exitCode).toBe(3)
    expect(sh("echo a | awk '{exit 1+1} END {print \"end\"}'")).toMatchObject({
      stdout: 'end\n',
      exitCode: 2,
    })
    expect(sh("echo a | awk '{exit 2} END {exit}'").exitCode).toBe(2)
    expect(sh("seq 5 | awk 'NR == 2 {exit} {print}'").stdout).toBe('1\n')
  })

  it('reports syntax errors', () => {
    expect(sh("awk '{print'")).toMatchObject({
      exitCode: 2,
      stderr: 'awk: line 1: syntax error at or near end of file\n',
    })
  })
})

describe('cut, tr, xargs, base64', () => {
  it.each([
    ['echo a:b:c | cut -d: -f2', 'b\n'],
    ['echo a:b:c | cut -d: -f1,3', 'a:c\n'],
    ['echo a:b:c | cut -d: -f2-', 'b:c\n'],
    ['echo abcdef | cut -c2-4', 'bcd\n'],
    ['echo hello | tr a-z A-Z', 'HELLO\n'],
    ['echo hello | tr -d l', 'heo\n'],
    ['echo "a  b" | tr -s " "', 'a b\n'],
    ['echo "a b" | tr " " "\\n"', 'a\nb\n'],
    ['printf "a\\nb\\n" | xargs', 'a b\n'],
    ['printf "a\\nb\\n" | xargs -n1 echo x', 'x a\nx b\n'],
    ['printf "a\\nb\\n" | xargs -I{} echo "<{}>"', '<a>\n<b>\n'],
    ['echo aGVsbG8= | base64 -d', 'hello'],
    ['printf hi | base64', 'aGk=\n'],
  ])('%s', (line, want) => expect(out(line)).toBe(want))

  it('xargs reports a missing program', () => {
    expect(sh('echo a | xargs nosuch')).toMatchObject({
      exitCode: 127,
      stderr: 'xargs: nosuch: No such file or directory\n',
    })
  })
})

describe('sed', () => {
  it.each([
    ["echo 'type: ClusterIP' | sed 's/ClusterIP/NodePort/'", 'type: NodePort\n'],
    ["echo 'hello world' | sed -E 's/(o+)/[\\1]/g'", 'hell[o] w[o]rld\n'],
    ["echo a.b | sed 's/\\./-/'", 'a-b\n'],
    ["echo abc | sed 's/b/&&/'", 'abbc\n'],
    ["echo 'a/b' | sed 's|/|:|'", 'a:b\n'],
    ["seq 5 | sed -n '2p;4p'", '2\n4\n'],
    ["seq 5 | sed '/3/d'", '1\n2\n4\n5\n'],
    ['seq 3 | sed 1d', '2\n3\n'],
  ])('%s', (line, want) => expect(out(line)).toBe(want))
  it("writes the input's last line without a newline when it had none, as GNU sed (but after q)", () => {
    expect(out("printf 'x\\na' | sed 's/a/b/'")).toBe('x\nb')
    expect(out("printf 'x\\na' | sed p")).toBe('x\nx\na\na')
    expect(out("printf 'x\\na' | sed '$d'")).toBe('x\n')
    expect(out("printf 'x\\na' | sed '$q'")).toBe('x\na\n')
    expect(out("printf 'x\\na' | sed -n 1p")).toBe('x\n')
  })

  it('reports an unterminated s command', () => {
    expect(sh("echo abc | sed 's/x/y'")).toMatchObject({
      stderr: "sed: -e expression #1, char 5: unterminated `s' command\n",
      exitCode: 1,
    })
  })
})
