// The browser stand-in for node-fetch, which tfjs-converter requires without a browser mapping:
// the page and its workers have fetch already. (Node keeps the real package: tfjs is not bundled there.)
const f = (...args) => globalThis.fetch(...args);
export default f;
export { f as fetch };
