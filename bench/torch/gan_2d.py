"""Twin of src/widgets/gan-2d/model.ts with its default settings: G 2 -> 32 -> 32 -> 2 and D 2 ->
32 -> 32 -> 1 (ReLU), non-saturating loss, batch 64, K = 1, Adam(1e-3, 0.5, 0.999) for both,
z ~ N(0, I). The target (a ring of Gaussians by default) is stood in for by Gaussian points: its
sampling is JavaScript in tfjs and not part of what is compared."""
import torch
from common import MLP, adam, loss_fake, loss_real

DEFAULTS = {'units': 32, 'g_lr': 0.001, 'd_lr': 0.001, 'batch': 64, 'noise_dim': 2}


class Twin(torch.nn.Module):
    def __init__(self, cfg):
        super().__init__()
        u = cfg['units']
        self.zdim = cfg['noise_dim']
        self.G = MLP(self.zdim, [(u, 'relu'), (u, 'relu'), (2, 'linear')])
        self.D = MLP(2, [(u, 'relu'), (u, 'relu'), (1, 'linear')])

    def named_tfjs(self):
        return self.G.named_tfjs('G') + self.D.named_tfjs('D')

    def losses(self, inp):
        lf = self.D(self.G(inp['z']))
        return {'d_loss': (loss_real(self.D(inp['x'])) + loss_fake(lf)).item(), 'g_loss': loss_real(lf).item()}


def trainer(m, cfg, rng):
    B = cfg['batch']
    opt_d = adam(m.D.parameters(), cfg['d_lr'], 0.5)
    opt_g = adam(m.G.parameters(), cfg['g_lr'], 0.5)

    def step():
        x = torch.randn(B, 2, generator=rng) * 2
        with torch.no_grad():
            xf = m.G(torch.randn(B, m.zdim, generator=rng))
        opt_d.zero_grad()
        d = loss_real(m.D(x)) + loss_fake(m.D(xf))
        d.backward()
        opt_d.step()
        d.item()
        m.D.requires_grad_(False)
        opt_g.zero_grad()
        g = loss_real(m.D(m.G(torch.randn(B, m.zdim, generator=rng))))
        g.backward()
        opt_g.step()
        m.D.requires_grad_(True)
        return g.item()

    return step
