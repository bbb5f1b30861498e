// What `help` prints: what this terminal is and what it understands.

export const HELP_TEXT = `Service Lab terminal: a bash-like shell on your workstation, OUTSIDE the cluster.
kubectl is configured for your lab cluster (context kind-lab).

  kubectl ...            get, describe, apply -f, create, delete, expose, run, scale, label,
                         annotate, set image, rollout, exec, logs, port-forward, explain, ...
                         (kubectl help lists them; kubectl <verb> --help explains one)
  kubectl apply -f -     reads the YAML you paste below the command (stdin)
  kubectl exec POD -- CMD
                         runs CMD inside the pod: curl, wget, nslookup, cat /etc/resolv.conf,
                         env, ... as far as the pod's image has them
  curl, wget             from the workstation: node IPs + NodePorts, LoadBalancer IPs and
                         kubectl port-forward ports answer; ClusterIPs and pod IPs do not
  echo printf seq sleep  grep head tail wc sort uniq awk sed cut tr xargs cat tee base64
  od dd fold yes timeout date ls history (and !!, !N) clear help

Shell: quotes, | ; && ||, $(...) and \`...\`, $VAR and VAR=value, {1..5}, for/while/if,
2>&1 >/dev/null > file (files last for one line), here-documents (<<EOF),
/dev/zero and /dev/urandom (head -c 16 /dev/urandom | base64).
A line stops after 1,000 loop iterations, 200 commands or 256 KB of output.
sleep returns at once: the cluster moves on between commands, not within one.
`
