// rehype-citation leaves an unknown key as plain text. This plugin runs after it and fails
// the build on any bracketed citation that is still there, e.g. "[@nokey]".
import { visit } from 'unist-util-visit';

const LEFTOVER = /\[(?:[^\]]*?;\s*)?-?@[A-Za-z0-9_:.#$%&+?<>~/-]+[^\]]*\]/;

export default function rehypeCitationCheck() {
  return (tree, file) => {
    visit(tree, 'text', (node, _i, parent) => {
      if (parent && (parent.tagName === 'code' || parent.tagName === 'pre')) return;
      const m = LEFTOVER.exec(node.value);
      if (m) {
        throw new Error(`Unknown citation key ${m[0]} in ${file.path || file.history?.[0] || 'a chapter'}`);
      }
    });
  };
}
