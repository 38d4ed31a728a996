"""Twin of src/widgets/pixelcnn-mnist/model.ts with its default settings (src/lib/pixelcnn/net.ts,
plain layout): a 7x7 mask-A convolution 1 -> C, then residual layers h + conv_B(elu(h)) with 3x3
mask-B kernels C -> C, a 1x1 C -> C head with ELU and a 1x1 C -> 1 logit; Bernoulli NLL summed over
pixels, mean over the batch; Adam(lr, 0.9, 0.999); batch of binarised 28x28 digits."""
import torch
import torch.nn.functional as F
from common import adam, binary_digits

DEFAULTS = {'channels': 16, 'layers': 4, 'first_kernel': 7, 'batch': 16, 'lr': 0.003}


def mask(kind, k):
    h = (k - 1) // 2
    m = torch.zeros(k, k)
    for dy in range(k):
        for dx in range(k):
            m[dy, dx] = 1.0 if dy < h or (dy == h and (dx < h if kind == 'A' else dx <= h)) else 0.0
    return m


class Conv(torch.nn.Module):
    def __init__(self, kind, k, cin, cout):
        super().__init__()
        self.k = k
        self.w = torch.nn.Parameter(torch.randn(cout, cin, k, k) * 0.1)
        self.b = torch.nn.Parameter(torch.zeros(cout))
        self.register_buffer('mask', mask(kind, k) if kind else torch.ones(k, k))

    def forward(self, x):
        return F.conv2d(x, self.w * self.mask, self.b, padding=self.k // 2)


class Twin(torch.nn.Module):
    def __init__(self, cfg):
        super().__init__()
        C, L = cfg['channels'], cfg['layers']
        self.names = ['l1'] + [f'l{l}' for l in range(2, L + 1)] + ['o1', 'o2']
        self.convs = torch.nn.ModuleList(
            [Conv('A', cfg['first_kernel'], 1, C)] + [Conv('B', 3, C, C) for _ in range(2, L + 1)] + [Conv(None, 1, C, C), Conv(None, 1, C, 1)]
        )

    def named_tfjs(self):
        out = []
        for n, c in zip(self.names, self.convs):
            out += [(f'pcnn_{n}.w', c.w), (f'pcnn_{n}.b', c.b)]
        return out

    def logits(self, x):
        cs = self.convs
        h = cs[0](x)
        for c in cs[1:-2]:
            h = h + c(F.elu(h))
        return cs[-1](F.elu(cs[-2](F.elu(h))))

    def nll(self, x):
        z = self.logits(x)
        return (F.softplus(z) - z * x).sum() / x.shape[0]

    def losses(self, inp):
        return {'nll': self.nll(inp['x'].reshape(-1, 1, 28, 28)).item()}


def trainer(m, cfg, rng):
    opt = adam(m.parameters(), cfg['lr'], 0.9)
    data = binary_digits(8000, rng).reshape(-1, 1, 28, 28)
    B = cfg['batch']

    def step():
        x = data[torch.randint(0, data.shape[0], (B,), generator=rng)]
        opt.zero_grad()
        loss = m.nll(x)
        loss.backward()
        opt.step()
        return loss.item()

    return step
