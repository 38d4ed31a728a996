// The first Python that can import torch: $PYTHON, then python3 on the PATH, then Debian's
// /usr/bin/python3 (where apt's python3-torch installs, even when pyenv or a venv shadows it).
import { spawnSync } from 'node:child_process';

export function findTorchPython() {
  const tried = [];
  for (const py of [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter(Boolean)) {
    const r = spawnSync(py, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' });
    if (r.status === 0) return { python: py, version: r.stdout.trim(), tried };
    tried.push(`${py}: ${r.error ? 'not found' : (r.stderr.trim().split('\n').pop() ?? `exit ${r.status}`)}`);
  }
  return { python: null, version: null, tried };
}
