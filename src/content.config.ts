import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';

const chapters = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/chapters' }),
  schema: z.object({
    number: z.number().int().min(1),
    title: z.string().min(1),
    summary: z.string().min(1),
    // Which of the source texts the chapter follows (file names in shared/sources), and the
    // original papers it cites (bibliography keys).
    sources: z.array(z.string()).default([]),
  }),
});

export const collections = { chapters };
