"""Shared pieces of the PyTorch twins of the book's tfjs models (bench/torch/README.md).

Weights are kept in tfjs's layout ([in, out] for dense layers) so that a tfjs model's initial
weights load without transposes and the twin computes the same products (x @ W + b).
"""
import torch
import torch.nn.functional as F

# tfjs's Adam uses the backend epsilon (1e-7 for float32) by default.
TFJS_EPS = 1e-7

ACT = {
    'relu': torch.relu,
    'leaky_relu': lambda x: F.leaky_relu(x, 0.2),
    'tanh': torch.tanh,
    'sigmoid': torch.sigmoid,
    'elu': F.elu,
    'softplus': F.softplus,
    'linear': lambda x: x,
}


class MLP(torch.nn.Module):
    """Dense layers like src/lib/nn/mlp.ts: parameters w0..wn ([in, out]) then b0..bn."""

    def __init__(self, n_in, layers):
        super().__init__()
        self.acts = [a for _, a in layers]
        self.w = torch.nn.ParameterList()
        self.b = torch.nn.ParameterList()
        fan_in = n_in
        for units, _ in layers:
            lim = (6 / (fan_in + units)) ** 0.5
            self.w.append(torch.nn.Parameter(torch.empty(fan_in, units).uniform_(-lim, lim)))
            self.b.append(torch.nn.Parameter(torch.zeros(units)))
            fan_in = units

    def forward(self, x):
        for w, b, a in zip(self.w, self.b, self.acts):
            x = ACT[a](torch.addmm(b, x, w))
        return x

    def named_tfjs(self, prefix):
        """(name, parameter) in the names the tfjs export uses: <prefix>.w<i>, <prefix>.b<i>."""
        out = [(f'{prefix}.w{i}', w) for i, w in enumerate(self.w)]
        out += [(f'{prefix}.b{i}', b) for i, b in enumerate(self.b)]
        return out


def adam(params, lr, beta1):
    return torch.optim.Adam(params, lr=lr, betas=(beta1, 0.999), eps=TFJS_EPS)


def softplus(x):
    return F.softplus(x)


def loss_real(logits):
    """-mean log sigmoid(l) (src/lib/gan/losses.ts lossReal)."""
    return F.softplus(-logits).mean()


def loss_fake(logits):
    """-mean log(1 - sigmoid(l)) (lossFake)."""
    return F.softplus(logits).mean()


def bce_sum(logits, target):
    """Bernoulli NLL from logits, summed over pixels, mean over the batch (bceSum)."""
    return (F.softplus(logits) - logits * target).sum(1).mean()


def load_tfjs(named, weights):
    """Copies exported tfjs weights (name -> {shape, values}) into the twin's parameters."""
    missing = [n for n, _ in named if n not in weights]
    if missing:
        raise KeyError(f'no exported weight for {missing}')
    with torch.no_grad():
        for name, p in named:
            w = weights[name]
            t = torch.tensor(w['values'], dtype=torch.float32).reshape(w['shape'])
            if 'layout' in w and w['layout'] == 'hwio' and t.dim() == 4:
                t = t.permute(3, 2, 0, 1)  # tfjs [k, k, cin, cout] -> torch [cout, cin, k, k]
            if tuple(t.shape) != tuple(p.shape):
                raise ValueError(f'{name}: tfjs shape {tuple(t.shape)} vs twin {tuple(p.shape)}')
            p.copy_(t)


def binary_digits(n, rng):
    """Stand-in binarised digits for timing (values do not change the cost of a step)."""
    return (torch.rand(n, 784, generator=rng) < 0.13).float()


def grey_digits(n, rng):
    """Stand-in grey-level digits in [0, 1] for timing."""
    x = torch.rand(n, 784, generator=rng)
    return torch.where(x < 0.8, torch.zeros_like(x), x)
