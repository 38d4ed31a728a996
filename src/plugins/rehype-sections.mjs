// Wraps each h2 of a chapter, and everything up to the next h2, in <section class="chapter-section">
// (what comes before the first h2 gets a section of its own). The sections let the browser skip
// style, layout and paint for the parts of a long chapter that are off screen
// (`content-visibility: auto` in book.css), which keeps a training widget's redraws cheap.
const isBlank = (node) => node.type === 'text' && !node.value.trim();

export default function rehypeSections() {
  return (tree) => {
    const out = [];
    let current = null;
    for (const node of tree.children) {
      if (node.type === 'mdxjsEsm' || node.type === 'doctype') {
        out.push(node);
        continue;
      }
      if (node.type === 'element' && node.tagName === 'h2') current = null;
      if (!current) {
        if (isBlank(node)) {
          out.push(node);
          continue;
        }
        current = { type: 'element', tagName: 'section', properties: { className: ['chapter-section'] }, children: [] };
        out.push(current);
      }
      current.children.push(node);
    }
    tree.children = out;
  };
}
