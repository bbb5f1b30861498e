// The instructor's home: their classes with join codes, and the form to create a class.

import { useEffect, useState } from 'preact/hooks'
import { api, errorText } from '../api'
import { Field } from '../components/field'
import { useTitle } from '../components/use-title'
import { JoinCode } from './join-code'
import type { ClassInfo } from './types'

function CreateClassForm({ onCreated }: { onCreated: (c: ClassInfo) => void }) {
  const [name, setName] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const submit = async (e: Event) => {
    e.preventDefault()
    if (!name.trim()) return setError('Give the class a name.')
    setBusy(true)
    try {
      const r = await api<{ class: ClassInfo }>('POST', '/api/classes', { name: name.trim() })
      setName('')
      setError('')
      onCreated(r.class)
    } catch (err) {
      setError(errorText(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <section aria-labelledby="create-class-title" class="ins-create">
      <h2 id="create-class-title">Create a class</h2>
      <form onSubmit={submit} noValidate class="inline-form">
        <Field id="class-name" label="Class name" value={name} error={error} onInput={setName} />
        <button type="submit" class="primary" disabled={busy}>
          Create class
        </button>
      </form>
    </section>
  )
}

function ClassCard({ cls, onChange }: { cls: ClassInfo; onChange: (c: ClassInfo) => void }) {
  const href = `/instructor/classes/${encodeURIComponent(cls.id)}`
  return (
    <li class="ins-class-card">
      <h3>
        <a href={href}>{cls.name}</a>
      </h3>
      <JoinCode cls={cls} onRotated={onChange} />
      <p class="ins-links">
        <a href={href}>
          Progress<span class="visually-hidden"> of {cls.name}</span>
        </a>
        <a href={`${href}/insights`}>
          Insights<span class="visually-hidden"> for {cls.name}</span>
        </a>
      </p>
    </li>
  )
}

export function Dashboard() {
  useTitle('Instructor dashboard')
  const [classes, setClasses] = useState<ClassInfo[] | undefined>()
  const [error, setError] = useState('')
  const [created, setCreated] = useState('')
  useEffect(() => {
    api<{ classes: ClassInfo[] }>('GET', '/api/classes')
      .then((r) => setClasses(r.classes))
      .catch((e) => setError(errorText(e)))
  }, [])
  const replace = (c: ClassInfo) => setClasses((list) => list?.map((x) => (x.id === c.id ? c : x)))
  const add = (c: ClassInfo) => {
    setClasses((list) => [c, ...(list ?? [])])
    setCreated(`Created ${c.name}. Give your learners its join code, shown below.`)
  }
  return (
    <>
      <h1>Instructor dashboard</h1>
      <p>
        Learners join a class with its code on their Labs page. Each class shows who has done what,
        who is stuck, and which misunderstandings hold the class back.
      </p>
      <p>
        <a href="/instructor/labs">My labs</a>: write labs of your own and publish them to your classes.
      </p>
      <CreateClassForm onCreated={add} />
      <p role="status" class="ins-status">
        {created}
      </p>
      <section aria-labelledby="my-classes-title">
        <h2 id="my-classes-title">My classes</h2>
        {error && (
          <p role="alert" class="form-error">
            {error}
          </p>
        )}
        {!classes && !error && <p class="loading">Loading your classes…</p>}
        {classes?.length === 0 && <p>No classes yet. Create one above.</p>}
        {classes && classes.length > 0 && (
          <ul class="ins-class-list">
            {classes.map((c) => (
              <ClassCard key={c.id} cls={c} onChange={replace} />
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
