"""Twin of src/widgets/aae-mnist/model.ts with its default settings: the adversarial autoencoder
(encoder 784 -> h -> h -> 4 of which 2 are the code, decoder 2 -> h -> h -> 784 logits, D 2 -> 64 ->
64 -> 1 leaky ReLU) and the side-by-side VAE of the same shape. One step = reconstruction update
(Adam lr, 0.9), D update on prior samples vs codes (Adam lr/2, 0.5), encoder-as-G update (Adam
lr/2, 0.5), then the VAE's ELBO update (Adam lr, 0.9). Gaussian prior; digits in [0, 1]."""
import torch
from common import MLP, adam, bce_sum, grey_digits, loss_fake, loss_real

DEFAULTS = {'hidden': 128, 'lr': 0.001, 'batch': 64}


def core(h, adversarial):
    enc = MLP(784, [(h, 'relu'), (h, 'relu'), (4, 'linear')])
    dec = MLP(2, [(h, 'relu'), (h, 'relu'), (784, 'linear')])
    disc = MLP(2, [(64, 'leaky_relu'), (64, 'leaky_relu'), (1, 'linear')]) if adversarial else None
    return enc, dec, disc


class Twin(torch.nn.Module):
    def __init__(self, cfg):
        super().__init__()
        h = cfg['hidden']
        self.enc, self.dec, self.disc = core(h, True)
        self.venc, self.vdec, _ = core(h, False)

    def named_tfjs(self):
        # Creation order in tfjs: main core (aae_enc, aae_dec, aae_d), then the VAE (aae_enc1, aae_dec1).
        return (self.enc.named_tfjs('aae_enc') + self.dec.named_tfjs('aae_dec') + self.disc.named_tfjs('aae_d')
                + self.venc.named_tfjs('aae_enc1') + self.vdec.named_tfjs('aae_dec1'))

    def code(self, x):
        return self.enc(x)[:, :2]

    def vae_loss(self, x, eps):
        h = self.venc(x)
        mu, logvar = h[:, :2], h[:, 2:].clamp(-10, 10)
        z = mu + torch.exp(0.5 * logvar) * eps
        kl = (0.5 * (mu.square() + logvar.exp() - (1 + logvar))).sum(1).mean()
        return bce_sum(self.vdec(z), x) + kl

    def losses(self, inp):
        x, real, eps = inp['x'], inp['real'], inp['eps']
        z = self.code(x)
        return {
            'recon': bce_sum(self.dec(z), x).item(),
            'd_loss': (loss_real(self.disc(real)) + loss_fake(self.disc(z))).item(),
            'g_loss': loss_real(self.disc(z)).item(),
            'vae_loss': self.vae_loss(x, eps).item(),
        }


def trainer(m, cfg, rng):
    lr, B = cfg['lr'], cfg['batch']
    opt_ae = adam(list(m.enc.parameters()) + list(m.dec.parameters()), lr, 0.9)
    opt_d = adam(m.disc.parameters(), lr / 2, 0.5)
    opt_g = adam(m.enc.parameters(), lr / 2, 0.5)
    opt_v = adam(list(m.venc.parameters()) + list(m.vdec.parameters()), lr, 0.9)
    data = grey_digits(8000, rng)

    def step():
        x = data[torch.randint(0, data.shape[0], (B,), generator=rng)]
        real = torch.randn(B, 2, generator=rng)
        opt_ae.zero_grad()
        r = bce_sum(m.dec(m.code(x)), x)
        r.backward()
        opt_ae.step()
        r.item()
        with torch.no_grad():
            z = m.code(x)
        opt_d.zero_grad()
        d = loss_real(m.disc(real)) + loss_fake(m.disc(z))
        d.backward()
        opt_d.step()
        d.item()
        m.disc.requires_grad_(False)
        opt_g.zero_grad()
        g = loss_real(m.disc(m.code(x)))
        g.backward()
        opt_g.step()
        g.item()
        m.disc.requires_grad_(True)
        opt_v.zero_grad()
        v = m.vae_loss(x, torch.randn(B, 2, generator=rng))
        v.backward()
        opt_v.step()
        return v.item()

    return step
