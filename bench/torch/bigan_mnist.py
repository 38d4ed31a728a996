"""Twin of src/widgets/bigan-mnist/model.ts: E 784 -> h leaky ReLU -> latent, G latent -> h ReLU
-> 784 sigmoid, D (784 + latent) -> h leaky ReLU -> 1; one D update on (x, E(x)) real vs (G(z), z)
fake, then one joint G/E update on the swapped labels; Adam(lr, 0.5, 0.999) for both; z ~ N(0, I),
digits in [0, 1]."""
import torch
from common import MLP, adam, grey_digits, loss_fake, loss_real

DEFAULTS = {'latent': 16, 'hidden': 256, 'lr': 0.0002, 'batch': 64}


class Twin(torch.nn.Module):
    def __init__(self, cfg):
        super().__init__()
        h, k = cfg['hidden'], cfg['latent']
        self.latent = k
        self.E = MLP(784, [(h, 'leaky_relu'), (k, 'linear')])
        self.G = MLP(k, [(h, 'relu'), (784, 'sigmoid')])
        self.D = MLP(784 + k, [(h, 'leaky_relu'), (1, 'linear')])

    def named_tfjs(self):
        return self.E.named_tfjs('bigan_e') + self.G.named_tfjs('bigan_g') + self.D.named_tfjs('bigan_d')

    def pairs(self, x, z):
        return torch.cat([x, self.E(x)], 1), torch.cat([self.G(z), z], 1)

    def losses(self, inp):
        real, fake = self.pairs(inp['x'], inp['z'])
        lr, lf = self.D(real), self.D(fake)
        return {'d_loss': (loss_real(lr) + loss_fake(lf)).item(), 'g_loss': (loss_fake(lr) + loss_real(lf)).item()}


def trainer(m, cfg, rng):
    B, k = cfg['batch'], cfg['latent']
    opt_d = adam(m.D.parameters(), cfg['lr'], 0.5)
    opt_ge = adam(list(m.G.parameters()) + list(m.E.parameters()), cfg['lr'], 0.5)
    data = grey_digits(8000, rng)

    def step():
        x = data[torch.randint(0, data.shape[0], (B,), generator=rng)]
        z = torch.randn(B, k, generator=rng)
        # tfjs builds the pairs inside each minimize: E and G run in both updates.
        with torch.no_grad():
            real, fake = m.pairs(x, z)
        opt_d.zero_grad()
        d = loss_real(m.D(real)) + loss_fake(m.D(fake))
        d.backward()
        opt_d.step()
        d.item()
        m.D.requires_grad_(False)
        opt_ge.zero_grad()
        real, fake = m.pairs(x, z)
        g = loss_fake(m.D(real)) + loss_real(m.D(fake))
        g.backward()
        opt_ge.step()
        m.D.requires_grad_(True)
        return g.item()

    return step
