"""Twin of src/widgets/vae-mnist/model.ts: encoder 784 -> hidden ReLU -> 4 (mu, softplus sigma),
decoder 2 -> hidden ReLU -> 784 logits, Bernoulli ELBO with beta, Adam(lr, 0.9, 0.999)."""
import torch
import torch.nn.functional as F
from common import MLP, adam, binary_digits

DEFAULTS = {'hidden': 256, 'lr': 0.002, 'batch': 100, 'beta': 1.0}


class Twin(torch.nn.Module):
    def __init__(self, cfg):
        super().__init__()
        h = cfg['hidden']
        self.beta = cfg['beta']
        self.enc = MLP(784, [(h, 'relu'), (4, 'linear')])
        self.dec = MLP(2, [(h, 'relu'), (784, 'linear')])

    def named_tfjs(self):
        return self.enc.named_tfjs('enc') + self.dec.named_tfjs('dec')

    def terms(self, x, eps):
        h = self.enc(x)
        mu, sigma = h[:, :2], F.softplus(h[:, 2:]) + 1e-4
        logits = self.dec(mu + sigma * eps)
        nll = (F.softplus(logits) - x * logits).sum(1)
        kl = 0.5 * (mu.square() + sigma.square() - (1 + 2 * sigma.log())).sum(1)
        return nll.mean(), kl.mean()

    def losses(self, inp):
        r, k = self.terms(inp['x'], inp['eps'])
        return {'loss': (r + self.beta * k).item()}


def trainer(m, cfg, rng):
    opt = adam(m.parameters(), cfg['lr'], 0.9)
    data = binary_digits(8000, rng)
    B = cfg['batch']

    def step():
        idx = torch.randint(0, data.shape[0], (B,), generator=rng)
        x = data[idx]
        eps = torch.randn(B, 2, generator=rng)
        opt.zero_grad()
        r, k = m.terms(x, eps)
        (r + m.beta * k).backward()
        opt.step()
        return r.item(), k.item()

    return step
