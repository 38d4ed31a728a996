// For tsconfig.pure.json only (the DOM library declares this): the one DOM type name the
// pure code uses, for Blob parts in lib/data/mnist.ts; Node's Blob takes the same parts.
type BlobPart = import('node:buffer').BlobPart;
