"""Twin of src/widgets/optimal-discriminator/model.ts (minibatch training): D 1 -> h tanh -> h tanh
-> 1 on `batch` points from p_data (label 1) and `batch` from p_g (label 0), mean sigmoid
cross-entropy, Adam(lr, 0.9, 0.999). The mixtures are stood in for by Gaussian points (their
sampling is JavaScript in tfjs)."""
import torch
import torch.nn.functional as F
from common import MLP, adam

DEFAULTS = {'hidden': 64, 'lr': 0.005, 'batch': 1024}


class Twin(torch.nn.Module):
    def __init__(self, cfg):
        super().__init__()
        h = cfg['hidden']
        self.D = MLP(1, [(h, 'tanh'), (h, 'tanh'), (1, 'linear')])

    def named_tfjs(self):
        return self.D.named_tfjs('optd')

    def loss(self, x, labels):
        return F.binary_cross_entropy_with_logits(self.D(x), labels)

    def losses(self, inp):
        return {'loss': self.loss(inp['x'], inp['labels']).item()}


def trainer(m, cfg, rng):
    B = cfg['batch']
    opt = adam(m.parameters(), cfg['lr'], 0.9)
    labels = torch.cat([torch.ones(B, 1), torch.zeros(B, 1)])

    def step():
        x = torch.cat([torch.randn(B, 1, generator=rng) * 0.3 - 0.3, torch.randn(B, 1, generator=rng) * 0.3 + 0.3])
        opt.zero_grad()
        m.loss(x, labels).backward()
        opt.step()

    return step
