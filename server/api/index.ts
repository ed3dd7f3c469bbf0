// /api itself (with or without the slash) is no operation either; the catch-all beside this file
// does not match it, so without this route the page renderer would answer with its HTML 404.
export { default } from './[...]'
