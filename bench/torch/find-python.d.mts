export function findTorchPython(): { python: string | null; version: string | null; tried: string[] };
