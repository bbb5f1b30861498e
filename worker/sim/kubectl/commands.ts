// kubectl 1.32's command tree, in the order kubectl registers its commands (cobra suggests
// "Did you mean this?" candidates in this order). Verbs a Services course does not need answer
// that they are not available here instead of pretending.

import { attachVerb } from './attach'
import type { CommandNode, Verb } from './invocation'
import { clientError } from './errors'
import { applyVerb } from './apply'
import { createFromFileVerb } from './create-from-file'
import { createDeploymentVerb } from './create-deployment'
import { createServiceVerb } from './create-service'
import { createNamespaceVerb } from './create-namespace'
import { createIngressVerb } from './create-ingress'
import { createSecretGenericVerb, createSecretTLSVerb } from './create-secret'
import { createConfigMapVerb } from './create-config-map'
import { deleteVerb } from './delete'
import { exposeVerb } from './expose'
import { runVerb } from './run-pod'
import { scaleVerb } from './scale'
import { labelVerb, annotateVerb } from './label'
import { setImageVerb } from './set-image'
import { setSelectorVerb } from './set-selector'
import { rolloutRestartVerb, rolloutUndoVerb } from './rollout'
import { rolloutStatusVerb, rolloutHistoryVerb } from './rollout-status'
import { execVerb } from './exec'
import { logsVerb } from './logs'
import { portForwardVerb } from './port-forward'
import { explainVerb } from './explain'
import { apiResourcesVerb, apiVersionsVerb } from './api-resources'
import { versionVerb } from './version'
import { clusterInfoVerb } from './cluster-info'
import {
  configViewVerb,
  currentContextVerb,
  getContextsVerb,
  setContextVerb,
  useContextVerb,
} from './config'
import { editVerb } from './edit'
import { waitVerb } from './wait'
import { topVerb } from './top'
import { getVerb, describeVerb } from './get-describe'
import { optionsVerb } from './options'
import { eventsVerb } from './events'
import { patchVerb } from './patch'
import { canIVerb, whoamiVerb } from './auth'

function unsupported(name: string): CommandNode {
  const run: Verb = () =>
    clientError(
      `"kubectl ${name}" is not available in this lab terminal. ` +
        'It supports the commands a Services course needs; type "kubectl --help" or "help" to see them.',
    )
  // a nested command (`set env`) is found by its own word; the message names the whole path
  return { name: name.split(' ').pop() as string, run, unsupported: true }
}

const createNode: CommandNode = {
  name: 'create',
  run: createFromFileVerb,
  children: [
    { name: 'deployment', aliases: ['deploy'], run: createDeploymentVerb, required: ['image'] },
    {
      name: 'service',
      aliases: ['svc'],
      children: ['clusterip', 'nodeport', 'loadbalancer', 'externalname'].map((t) => ({
        name: t,
        run: createServiceVerb(t),
        required: t === 'externalname' ? ['external-name'] : undefined,
      })),
    },
    { name: 'namespace', aliases: ['ns'], run: createNamespaceVerb },
    { name: 'ingress', aliases: ['ing'], run: createIngressVerb },
    {
      name: 'secret',
      children: [
        unsupported('create secret docker-registry'),
        { name: 'generic', run: createSecretGenericVerb },
        { name: 'tls', run: createSecretTLSVerb },
      ],
    },
    { name: 'configmap', aliases: ['cm'], run: createConfigMapVerb },
    ...['clusterrole', 'clusterrolebinding', 'cronjob', 'job']
      .concat(['poddisruptionbudget', 'priorityclass', 'quota', 'role', 'rolebinding'])
      .concat(['serviceaccount', 'token'])
      .map((n) => unsupported(`create ${n}`)),
  ],
}

/** The root's children in kubectl's registration order. */
export const ROOT: CommandNode = {
  name: 'kubectl',
  helpToStdout: true,
  children: [
    createNode,
    { name: 'expose', run: exposeVerb },
    { name: 'run', run: runVerb, required: ['image'] },
    {
      name: 'set',
      children: [
        { name: 'image', run: setImageVerb },
        { name: 'selector', run: setSelectorVerb },
        ...['env', 'resources', 'serviceaccount', 'subject'].map((n) => unsupported(`set ${n}`)),
      ],
    },
    { name: 'explain', run: explainVerb },
    { name: 'get', run: getVerb },
    { name: 'edit', aliases: ['ed'], run: editVerb },
    { name: 'delete', run: deleteVerb },
    {
      name: 'rollout',
      helpToStdout: true,
      children: [
        { name: 'history', run: rolloutHistoryVerb },
        unsupported('rollout pause'),
        { name: 'restart', run: rolloutRestartVerb },
        unsupported('rollout resume'),
        { name: 'status', run: rolloutStatusVerb },
        { name: 'undo', run: rolloutUndoVerb },
      ],
    },
    { name: 'scale', run: scaleVerb, required: ['replicas'] },
    unsupported('autoscale'),
    unsupported('certificate'),
    { name: 'cluster-info', aliases: ['clusterinfo'], run: clusterInfoVerb },
    {
      name: 'top',
      children: [
        { name: 'node', aliases: ['nodes', 'no'], run: topVerb },
        { name: 'pod', aliases: ['pods', 'po'], run: topVerb },
      ],
    },
    ...['cordon', 'uncordon', 'drain', 'taint'].map(unsupported),
    { name: 'describe', run: describeVerb },
    { name: 'logs', run: logsVerb },
    { name: 'attach', run: attachVerb },
    { name: 'exec', run: execVerb },
    { name: 'port-forward', run: portForwardVerb },
    ...['proxy', 'cp'].map(unsupported),
    {
      name: 'auth',
      children: [
        { name: 'can-i', run: canIVerb },
        unsupported('auth reconcile'),
        { name: 'whoami', run: whoamiVerb },
      ],
    },
    unsupported('debug'),
    { name: 'events', aliases: ['ev'], run: eventsVerb },
    unsupported('diff'),
    { name: 'apply', run: applyVerb },
    { name: 'patch', run: patchVerb },
    unsupported('replace'),
    { name: 'wait', run: waitVerb },
    unsupported('kustomize'),
    { name: 'label', run: labelVerb },
    { name: 'annotate', run: annotateVerb },
    unsupported('completion'),
    { name: 'api-resources', run: apiResourcesVerb },
    { name: 'api-versions', run: apiVersionsVerb },
    {
      name: 'config',
      children: [
        { name: 'current-context', run: currentContextVerb },
        { name: 'get-contexts', run: getContextsVerb },
        { name: 'view', run: configViewVerb },
        { name: 'set-context', run: setContextVerb },
        { name: 'use-context', aliases: ['use'], run: useContextVerb },
        ...['delete-cluster', 'delete-context', 'delete-user', 'get-clusters', 'get-users']
          .concat(['rename-context', 'set', 'set-cluster', 'set-credentials', 'unset'])
          .map((n) => unsupported(`config ${n}`)),
      ],
    },
    unsupported('plugin'),
    { name: 'version', run: versionVerb },
    { name: 'options', run: optionsVerb },
  ],
}
