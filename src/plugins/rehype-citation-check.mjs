// rehype-citation leaves an unknown key as plain text. This plugin runs after it and fails
// the build on any bracketed citation that is still there, e.g. "[@nokey]".
import { visit } from 'unist-util-visit';

const LEFTOVER = /\[(?:[^\]]*?;\s*)?-?@[A-Za-z0-9_:.#$%&+?<>~/-]+[^\]]*\]/;

export default function rehypeCitationCheck() {
  return (tree, file) => {
    // Citations read [1], not (1): parentheses are for equation numbers in this book.
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'span' || !String(node.properties?.id ?? '').startsWith('citation--')) return;
      const kids = node.children;
      const first = kids[0];
      const last = kids[kids.length - 1];
      if (first?.type === 'text' && first.value.startsWith('(')) first.value = '[' + first.value.slice(1);
      if (last?.type === 'text' && last.value.endsWith(')')) last.value = last.value.slice(0, -1) + ']';
      node.properties.className = ['citation'];
    });
    visit(tree, 'text', (node, _i, parent) => {
      if (parent && (parent.tagName === 'code' || parent.tagName === 'pre')) return;
      const m = LEFTOVER.exec(node.value);
      if (m) {
        throw new Error(`Unknown citation key ${m[0]} in ${file.path || file.history?.[0] || 'a chapter'}`);
      }
    });
  };
}
