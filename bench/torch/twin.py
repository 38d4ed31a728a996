#!/usr/bin/env python3
"""PyTorch twins of the book's tfjs models, for the speed comparison in scripts/bench.mjs.

  python3 bench/torch/twin.py bench <id>[,<id>...] [--seconds=S] [--threads=1]
      steps per second of each twin (JSON lines), one thread by default
  python3 bench/torch/twin.py check <id> <export.json>
      parameter count and step-0 losses on the tfjs model's weights and inputs (JSON)
"""
import importlib
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch  # noqa: E402

FAMILIES = ['vae-mnist', 'mnist-gan', 'aae-mnist', 'bigan-mnist', 'pixelcnn-mnist', 'gan-2d', 'optimal-discriminator']


def module(fid):
    if fid not in FAMILIES:
        raise SystemExit(f'no PyTorch twin for "{fid}" (have: {", ".join(FAMILIES)})')
    return importlib.import_module(fid.replace('-', '_'))


def blas():
    """The BLAS library this process loaded (torch's dense layers run on it; convolutions on oneDNN)."""
    try:
        with open('/proc/self/maps') as f:
            libs = {line.split()[-1] for line in f if 'blas' in line.lower() and '.so' in line}
        return ', '.join(sorted(libs)) or 'unknown'
    except OSError:
        return 'unknown'


def param_count(m):
    return sum(p.numel() for p in m.parameters())


def check(fid, path):
    mod = module(fid)
    with open(path) as f:
        exp = json.load(f)
    cfg = {**mod.DEFAULTS, **exp.get('config', {})}
    m = mod.Twin(cfg)
    from common import load_tfjs
    load_tfjs(m.named_tfjs(), exp['weights'])
    inp = {k: torch.tensor(v['values'], dtype=torch.float32).reshape(v['shape']) for k, v in exp['inputs'].items()}
    with torch.no_grad():
        losses = m.losses(inp)
    print(json.dumps({'id': fid, 'params': param_count(m), 'losses': losses, 'torch': torch.__version__}))


def bench(fid, seconds):
    mod = module(fid)
    cfg = dict(mod.DEFAULTS)
    torch.manual_seed(1)
    m = mod.Twin(cfg)
    step = mod.trainer(m, cfg, torch.Generator().manual_seed(1))
    t_end = time.perf_counter() + min(1.0, seconds / 3)  # warm-up
    while time.perf_counter() < t_end:
        step()
    # Timed in five slices: the median slice is reported (robust to other load on the machine).
    rates = []
    for _ in range(5):
        n, t0 = 0, time.perf_counter()
        while time.perf_counter() - t0 < seconds / 5 or n < 3:
            step()
            n += 1
        rates.append(n / (time.perf_counter() - t0))
    rates.sort()
    print(json.dumps({'id': fid, 'stepsPerSecond': rates[2], 'min': rates[0], 'max': rates[4], 'threads': torch.get_num_threads(), 'params': param_count(m), 'blas': blas()}), flush=True)


def main(argv):
    opts = {a[2:].split('=')[0]: a.split('=', 1)[1] for a in argv if a.startswith('--') and '=' in a}
    pos = [a for a in argv if not a.startswith('--')]
    if len(pos) < 2 or pos[0] not in ('bench', 'check'):
        raise SystemExit(__doc__)
    torch.set_num_threads(int(opts.get('threads', '1')))
    if pos[0] == 'check':
        check(pos[1], pos[2])
    else:
        for fid in pos[1].split(','):
            bench(fid, float(opts.get('seconds', '3')))


if __name__ == '__main__':
    main(sys.argv[1:])
