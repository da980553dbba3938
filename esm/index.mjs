// The ESM entry of claimscrub: the CommonJS build, re-exported. `import` and `require` share one copy
// of the library (no dual-package hazard); Node reads the names with its CommonJS export lexer, and
// __tests__/package checks that every CommonJS export arrives here.
export * from '../dist/src/index.js';
