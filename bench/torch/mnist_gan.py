"""Twin of src/widgets/mnist-gan/model.ts: G 100 -> hidden ReLU -> 784 sigmoid, D 784 -> hidden
leaky ReLU(0.2) -> 1, non-saturating loss, K D-steps per G-step, Adam(lr_d | lr_g, 0.5, 0.999),
noise U(-1, 1), real digits in [0, 1]."""
import torch
from common import MLP, adam, grey_digits, loss_fake, loss_real

DEFAULTS = {'hidden': 128, 'lr_d': 0.0005, 'lr_g': 0.001, 'k': 1, 'batch': 64}


class Twin(torch.nn.Module):
    def __init__(self, cfg):
        super().__init__()
        h = cfg['hidden']
        self.G = MLP(100, [(h, 'relu'), (784, 'sigmoid')])
        self.D = MLP(784, [(h, 'leaky_relu'), (1, 'linear')])

    def named_tfjs(self):
        return self.G.named_tfjs('mnist_g') + self.D.named_tfjs('mnist_d')

    def losses(self, inp):
        lf = self.D(self.G(inp['z']))
        return {'d_loss': (loss_real(self.D(inp['x'])) + loss_fake(lf)).item(), 'g_loss': loss_real(lf).item()}


def trainer(m, cfg, rng):
    optD = adam(m.D.parameters(), cfg['lr_d'], 0.5)
    optG = adam(m.G.parameters(), cfg['lr_g'], 0.5)
    data = grey_digits(7000, rng)
    M = cfg['batch']

    def noise():
        return torch.rand(M, 100, generator=rng) * 2 - 1

    def step():
        for _ in range(cfg['k']):
            x = data[torch.randint(0, data.shape[0], (M,), generator=rng)]
            with torch.no_grad():
                xf = m.G(noise())
            optD.zero_grad()
            d = loss_real(m.D(x)) + loss_fake(m.D(xf))
            d.backward()
            optD.step()
            d.item()
        # As in tfjs (minimize over G's variables), no weight gradients for D in the G step.
        m.D.requires_grad_(False)
        optG.zero_grad()
        g = loss_real(m.D(m.G(noise())))
        g.backward()
        optG.step()
        m.D.requires_grad_(True)
        return g.item()

    return step
